package com.caseclock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * A Clio connection revoked at Clio: the connector notices on its next poll and the lawyer sees "needs reconnect" in
 * timeentry-service; an entry approved meanwhile is parked, not lost and not failed for good; connecting again
 * through the OAuth redirect sends it, once.
 */
@ExtendWith(LocalStackExtension.class)
@Order(2)
class ReconnectIT {

    private static final String FIRM = "harbor-pine";
    private static final long DANA_CLIO_ID = 100;
    /**
     * Kafka and the two services' relays between the connector noticing and timeentry-service showing it: the
     * connector's outbox relay, the broker, timeentry-service's consumer (about a second each at most on a loaded
     * machine).
     */
    private static final Duration PROPAGATION = Duration.ofSeconds(10);

    static LocalStack stack;
    static CaseClockClient dana;
    static int rateLimitBefore;

    @BeforeAll
    static void stack(LocalStack s) {
        stack = s;
        dana = new CaseClockClient(s, s.tokenLawyer());
        dana.ensureConnectedAndSynced(FIRM, DANA_CLIO_ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> dana.integration().getBoolean("connected"));
        // What this test times is the reaction to a revocation, not a throttle: the sandbox's rate limit is off, and an
        // earlier test's 429 must have run out (the firm's next poll is at most one interval away) before it starts.
        rateLimitBefore = ((Number) s.sandbox().info().get("rate_limit_per_minute")).intValue();
        s.sandbox().rateLimitPerMinute(0);
        await("no throttle left on the firm's sync").atMost(Duration.ofSeconds(90))
                .until(() -> dana.connection().getString("sync.nextPollAt"), next -> next != null
                        && Instant.parse(next).isBefore(Instant.now().plus(LocalStack.POLL_INTERVAL)));
    }

    @AfterAll
    static void restoreSandbox() {
        if (stack != null) {
            stack.sandbox().rateLimitPerMinute(rateLimitBefore);
        }
    }

    @Test
    void aRevokedConnectionShowsNeedsReconnectWithinOnePollAndTheParkedEntrySyncsAfterReconnecting() {
        String note = "Parked while Clio was disconnected " + UUID.randomUUID();
        String entry = dana.createEntry(Map.of("durationSeconds", 1800, "note", note, "matterId", 200));

        // a Clio admin revokes the app's access for the whole firm
        assertThat(stack.sandbox().revokeFirmTokens(FIRM)).isPositive();
        long revokedAt = System.nanoTime();

        JsonPath integration = await("timeentry-service shows needs reconnect")
                .atMost(LocalStack.POLL_INTERVAL.plus(PROPAGATION)).pollInterval(Duration.ofMillis(250))
                .until(dana::integration, i -> i.getBoolean("needsReconnect"));
        System.out.printf("[e2e] needs reconnect shown %d ms after the revocation (poll interval %d s)%n",
                (System.nanoTime() - revokedAt) / 1_000_000, LocalStack.POLL_INTERVAL.toSeconds());
        assertThat(integration.getString("status")).isEqualTo("needsReconnect");
        assertThat(integration.getBoolean("connected")).isFalse();
        assertThat(integration.getString("reason")).isNotBlank();
        assertThat(dana.connection().getString("state")).isEqualTo("NEEDS_RECONNECT");

        // approved while disconnected: parked, with the reason, nothing sent to Clio
        dana.approve(entry);
        JsonPath parked = dana.awaitStatus(entry, "SYNC_FAILED", Duration.ofSeconds(60));
        assertThat(parked.getString("syncFailure.reason")).isEqualTo("NEEDS_RECONNECT");
        assertThat(parked.getBoolean("syncFailure.retryable")).isTrue();
        assertThat(stack.sandbox().activities(FIRM)).filteredOn(a -> note.equals(a.get("note"))).isEmpty();

        // the lawyer connects again (step 1 of the walkthrough)
        JsonPath reconnected = dana.connectThroughOAuth(FIRM, DANA_CLIO_ID);
        assertThat(reconnected.getString("state")).isEqualTo("CONNECTED");

        JsonPath synced = dana.awaitStatus(entry, "SYNCED", Duration.ofSeconds(60));
        assertThat(synced.getString("syncFailure")).isNull();
        assertThat(stack.sandbox().activities(FIRM)).filteredOn(a -> note.equals(a.get("note")))
                .extracting(a -> ((Number) a.get("id")).longValue()).containsExactly(synced.getLong("clioActivityId"));
        await("timeentry-service shows the connection again").atMost(Duration.ofSeconds(30))
                .until(() -> dana.integration().getBoolean("connected"));
    }
}
