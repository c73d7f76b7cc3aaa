package com.caseclock.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventKeys;
import com.caseclock.events.LookupOutcome;
import com.caseclock.events.MatterLookupAnsweredV1;
import com.caseclock.events.MatterLookupRequestedV1;
import com.caseclock.events.ResyncFirmRequestedV1;
import com.caseclock.events.Topic;
import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.testsupport.clio.InjectClioSandbox;
import com.caseclock.testsupport.kafka.CloudEventRecords;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Connector commands from Kafka: an on-demand lookup finds a matter by display number (and says NOT_FOUND for
 * nonsense); a forced re-sync republishes every matter and, as a complete listing, tombstones a matter deleted in Clio
 * that no webhook reported.
 */
@QuarkusTest
class CommandsTest {

    private static final String FIRM_KEY = "nunez-oconnor";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @InjectClioSandbox
    ClioSandbox sandbox;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void lookupsAreAnsweredAndAResyncRepublishesAndReconciles() throws Exception {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        long clioUserId = ((Number) sandbox.admin().users(FIRM_KEY).get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
        List<Long> matterIds = sandbox.admin().matterIds(FIRM_KEY);
        long kept = matterIds.get(0);
        long deleted = matterIds.get(1);
        String displayNumber = (String) sandbox.admin().matter(FIRM_KEY, matterIds.get(2)).get("display_number");

        try (ConsumerTask<String, String> matters = consume(Topic.MATTER_CHANGED);
                ConsumerTask<String, String> answers = consume(Topic.MATTER_LOOKUP_RESULT)) {
            OAuthFlow.connect(firmId, "user-commands");
            Awaitility.await().atMost(TIMEOUT).until(() -> !records(matters, EventKeys.matter(firmId, kept)).isEmpty());

            UUID found = lookup(firmId, displayNumber);
            UUID missing = lookup(firmId, "no such matter zz" + UUID.randomUUID().toString().substring(0, 4));
            Awaitility.await().atMost(TIMEOUT).until(() -> answer(answers, found) != null
                    && answer(answers, missing) != null);
            assertThat(answer(answers, found).outcome()).isEqualTo(LookupOutcome.FOUND);
            assertThat(answer(answers, found).matterClioIds()).contains(matterIds.get(2));
            assertThat(answer(answers, missing).outcome()).isEqualTo(LookupOutcome.NOT_FOUND);

            // Deleted in Clio with no webhook registered (default test profile): only a complete listing sees it.
            sandbox.admin().deleteMatter(FIRM_KEY, deleted);
            send(new ResyncFirmRequestedV1(UUID.randomUUID(), firmId, Instant.now(),
                    ResyncFirmRequestedV1.SCHEMA_VERSION, true, "support-sam"));
            Awaitility.await().atMost(TIMEOUT).until(() -> records(matters, EventKeys.matter(firmId, deleted)).stream()
                    .anyMatch(r -> r.value() == null)
                    && records(matters, EventKeys.matter(firmId, kept)).size() >= 2);
        }
    }

    /**
     * The periodic reconciliation (daily by default) lists every matter again and tombstones one deleted in Clio that
     * no webhook reported (none is registered in the default test profile). The day passing is simulated by making
     * the firm's reconciliation due.
     */
    @Test
    void theDailyReconciliationTombstonesAMatterNoWebhookReported() throws Exception {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        long clioUserId = ((Number) sandbox.admin().users(FIRM_KEY).get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
        List<Long> matterIds = sandbox.admin().matterIds(FIRM_KEY);
        long deleted = matterIds.get(matterIds.size() / 3);
        try (ConsumerTask<String, String> matters = consume(Topic.MATTER_CHANGED)) {
            OAuthFlow.connect(firmId, "user-reconcile");
            Awaitility.await().atMost(TIMEOUT).until(() -> !records(matters, EventKeys.matter(firmId, deleted))
                    .isEmpty() && reconcileDueIn(firmId) != null);
            assertThat(reconcileDueIn(firmId)).as("next reconciliation a day after the backfill")
                    .isBetween(Duration.ofHours(23), Duration.ofHours(24));

            sandbox.admin().deleteMatter(FIRM_KEY, deleted);
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                    "UPDATE firm_sync SET next_reconcile_at = now() WHERE firm_id = ?")) {
                s.setString(1, firmId);
                s.executeUpdate();
            }
            Awaitility.await().atMost(TIMEOUT).until(() -> records(matters, EventKeys.matter(firmId, deleted))
                    .stream().anyMatch(r -> r.value() == null));
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(reconcileDueIn(firmId))
                    .as("the next one is scheduled a day later again").isGreaterThan(Duration.ofHours(23)));
        }
    }

    /** @return how long until the firm's next reconciliation, or null before the backfill completed */
    private Duration reconcileDueIn(String firmId) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT EXTRACT(EPOCH FROM next_reconcile_at - now()) FROM firm_sync WHERE firm_id = ? "
                        + "AND backfill_completed_at IS NOT NULL")) {
            s.setString(1, firmId);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getObject(1) != null ? Duration.ofMillis((long) (rs.getDouble(1) * 1000))
                        : null;
            }
        }
    }

    private UUID lookup(String firmId, String query) {
        UUID lookupId = UUID.randomUUID();
        send(new MatterLookupRequestedV1(UUID.randomUUID(), firmId, Instant.now(),
                MatterLookupRequestedV1.SCHEMA_VERSION, lookupId, query, "user-commands"));
        return lookupId;
    }

    private void send(com.caseclock.events.DomainEvent command) {
        OutgoingEvent out = OutgoingEvent.of(command, EventCodec.shared());
        companion.produceStrings().fromRecords(CloudEventRecords.record(out.topic(), out.key(), out.eventId(),
                out.ceType(), out.payloadJson())).awaitCompletion(Duration.ofSeconds(30));
    }

    private static MatterLookupAnsweredV1 answer(ConsumerTask<String, String> task, UUID lookupId) {
        return task.getRecords().stream().filter(r -> r.value() != null)
                .map(r -> EventCodec.shared().decode(r.value(), MatterLookupAnsweredV1.class))
                .filter(a -> a.lookupId().equals(lookupId)).findFirst().orElse(null);
    }

    private ConsumerTask<String, String> consume(Topic topic) {
        return companion.consumeStrings().withGroupId("cmd-probe-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest").fromTopics(topic.topicName());
    }

    private static List<ConsumerRecord<String, String>> records(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }
}
