package com.caseclock.mattercache.service;

import static com.caseclock.mattercache.TestEvents.T0;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.ActivityRateType;
import com.caseclock.events.EventKeys;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.Topic;
import com.caseclock.mattercache.TestEvents;
import com.caseclock.testsupport.security.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Throwing the cache away and replaying the topics gives the state built incrementally. */
@QuarkusTest
class RebuildTest {

    private static final String STATE = """
            SELECT 'matter' AS t, clio_id::text AS id, display_number || '|' || description || '|' || status || '|'
                || coalesce(client_name, '') || '|' || clio_updated_at || '|' || coalesce(custom_rate::text, '') AS v
                FROM matter WHERE firm_id = ?
            UNION ALL SELECT 'client', clio_id::text, name || '|' || clio_updated_at FROM client WHERE firm_id = ?
            UNION ALL SELECT 'user', user_clio_id::text, coalesce(default_rate_amount::text, '') || '|'
                || group_clio_ids::text FROM user_rate WHERE firm_id = ?
            UNION ALL SELECT 'client-rate', clio_id::text, rate_amount::text FROM client_rate WHERE firm_id = ?
            UNION ALL SELECT 'activity', clio_id::text, rate_type || '|' || coalesce(rate_amount::text, '')
                FROM activity_description WHERE firm_id = ?
            ORDER BY 1, 2""";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rebuildFromTheTopicsEqualsTheIncrementalState() throws Exception {
        String firm = TestEvents.firm();
        TestEvents.publish(companion,
                TestEvents.clientChanged(firm, 900, "Smith & Jones", T0),
                TestEvents.matterChanged(firm, TestEvents.matter(1, "00001", "v2", MatterStatus.OPEN, 900L, "Smith",
                        null, T0.plusSeconds(2))),
                TestEvents.matterChanged(firm, TestEvents.matter(1, "00001", "v1 (stale)", MatterStatus.OPEN, 900L,
                        "Smith", null, T0)),
                TestEvents.matterChanged(firm, TestEvents.matter(2, "00002", "deleted", MatterStatus.OPEN, null,
                        null, null, T0)),
                TestEvents.matterChanged(firm, TestEvents.matter(3, "00003", "closed", MatterStatus.CLOSED, 900L,
                        "Smith", null, T0)),
                TestEvents.clientChanged(firm, 900, "Smith & Jones LLP", T0.plusSeconds(5)),
                TestEvents.userRate(firm, 7, "250.00", List.of(41L), T0),
                TestEvents.clientRate(firm, 3, 900L, null, null, "300.00", T0),
                TestEvents.activity(firm, 55, ActivityRateType.CUSTOM, "275.50", T0));
        TestEvents.publish(companion, List.of(TestEvents.tombstone(Topic.MATTER_CHANGED, EventKeys.matter(firm, 2))));
        TestEvents.publish(companion, TestEvents.matterChanged(firm, TestEvents.matter(4, "00004", "last",
                MatterStatus.OPEN, null, null, null, T0)));
        // Matters, clients and rates are separate topics with their own consumers: wait for the last event of each.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(state(firm)).hasSize(7)
                .anySatisfy(r -> assertThat(r.get("id")).isEqualTo("4"))
                .extracting(r -> r.get("v").toString())
                .anyMatch(v -> v.startsWith("00001|v2|"))
                .anyMatch(v -> v.contains("Smith & Jones LLP")));
        List<Map<String, Object>> incremental = state(firm);

        given().auth().oauth2(TestTokens.lawyer(firm, "u")).post("/api/v1/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.support("support-1")).post("/api/v1/admin/rebuild").then().statusCode(202);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> TestEvents.rows(dataSource,
                "SELECT 1 FROM replay_state WHERE caught_up_at IS NOT NULL").size() == 3);
        assertThat(state(firm)).isEqualTo(incremental);
        // refilled tables are analysed when their channel catches up, so the planner does not plan for empty tables
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestEvents.rows(dataSource, """
                SELECT relname FROM pg_stat_user_tables
                 WHERE last_analyze > (SELECT min(started_at) FROM replay_state)"""))
                .extracting(r -> r.get("relname")).contains("matter", "client", "user_rate"));
    }

    private List<Map<String, Object>> state(String firm) throws Exception {
        return TestEvents.rows(dataSource, STATE, firm, firm, firm, firm, firm);
    }
}
