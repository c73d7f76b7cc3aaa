package com.caseclock.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.cliosandbox.faults.FaultMode;
import com.caseclock.cliosandbox.faults.FaultRule;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.events.EventCodec;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.clio.InjectClioSandbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A firm whose Clio throttles it (a 429 storm with Retry-After) and then fails (a run of 503s) does not delay another
 * firm: the healthy firm's backfill completes while the throttled one is still waiting, and the throttled firm still
 * completes later with no matter missing. Firms other tests connected are not polled meanwhile: they share the
 * sandbox's Clio firms and would take the injected faults.
 */
@QuarkusTest
class ThrottledFirmTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @InjectClioSandbox
    ClioSandbox sandbox;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aThrottledFirmDelaysOnlyItself() throws Exception {
        String throttled = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        String healthy = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> parked = parkOtherFirms();
        sandbox.faults().inject(FaultRule.of(FaultMode.RATE_LIMIT_STORM, 6).forFirm("harbor-pine")
                .onPath("/matters").withDelay(Duration.ofSeconds(2)));
        sandbox.faults().inject(FaultRule.of(FaultMode.HTTP_503, 5).forFirm("harbor-pine").onPath("/matters"));
        try (ConsumerTask<String, String> matters = companion.consumeStrings()
                .withGroupId("throttle-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.MATTER_CHANGED.topicName())) {
            sandbox.admin().autoConsentAs("harbor-pine", userOf("harbor-pine"));
            OAuthFlow.connect(throttled, "user-throttled");
            sandbox.admin().autoConsentAs("nunez-oconnor", userOf("nunez-oconnor"));
            OAuthFlow.connect(healthy, "user-healthy");

            Awaitility.await().atMost(TIMEOUT).until(() -> backfillCompletedAt(healthy) != null);
            assertThat(backfillCompletedAt(throttled)).as("the throttled firm is still waiting when the healthy "
                    + "one is done").isNull();

            Awaitility.await().atMost(TIMEOUT).until(() -> backfillCompletedAt(throttled) != null);
            // The snapshots leave through the outbox relay, shortly after the run recorded them.
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> {
                Set<Long> published = matters.getRecords().stream().filter(r -> r.key().startsWith(throttled + ":"))
                        .map(r -> EventCodec.shared().decode(r.value(), MatterChangedV1.class).matter().clioId())
                        .collect(Collectors.toSet());
                assertThat(published).containsAll(sandbox.admin().matterIds("harbor-pine"));
            });
            List<Integer> served = sandbox.journal().find("GET", "/matters").stream()
                    .filter(e -> "harbor-pine".equals(e.firmKey())).map(e -> e.status()).toList();
            assertThat(served).contains(429, 503);
        } finally {
            sandbox.faults().clear();
            execute("UPDATE firm_sync SET next_poll_at = now() WHERE firm_id = ANY (?)", parked);
        }
    }

    /**
     * Firms other test classes connected share the sandbox's Clio firms and would take the injected faults: they are
     * not polled during this test (and no run of theirs is still going on when the faults are injected).
     *
     * @return the parked firms
     */
    private List<String> parkOtherFirms() throws Exception {
        List<String> parked = new java.util.ArrayList<>();
        Awaitility.await().atMost(TIMEOUT).until(() -> {
            parked.clear();
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE firm_sync SET next_poll_at = now() + interval '1 hour' RETURNING firm_id, "
                            + "lease_owner IS NOT NULL AND lease_until > now()");
                    ResultSet rs = s.executeQuery()) {
                boolean running = false;
                while (rs.next()) {
                    parked.add(rs.getString(1));
                    running |= rs.getBoolean(2);
                }
                return !running;
            }
        });
        return parked;
    }

    private void execute(String sql, List<String> firmIds) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", firmIds.toArray()));
            s.executeUpdate();
        }
    }

    private long userOf(String firmKey) {
        return ((Number) sandbox.admin().users(firmKey).get(0).get("id")).longValue();
    }

    private Instant backfillCompletedAt(String firmId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT backfill_completed_at FROM firm_sync WHERE firm_id = ?")) {
            s.setString(1, firmId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }
}
