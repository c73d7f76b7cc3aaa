package com.caseclock.connector.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.connector.webhook.WebhookStore;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventKeys;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.clio.InjectClioSandbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * With polling ten minutes apart, changes in Clio still arrive through the firm's webhooks: a changed matter is
 * republished, a deleted one becomes a tombstone; a forged or unsigned delivery is refused and changes nothing.
 */
@QuarkusTest
@TestProfile(WebhookSyncTest.SlowPolling.class)
class WebhookSyncTest {

    /**
     * Polling far apart, so only webhooks can explain a prompt update; webhooks on, on a fixed port Clio's sandbox can
     * call (the sandbox allows http to loopback hosts).
     */
    public static class SlowPolling implements QuarkusTestProfile {
        static final int PORT = 18482;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connector.sync.poll-interval", "10m",
                    "quarkus.http.test-port", Integer.toString(PORT),
                    "connector.webhooks.public-base-url", "http://localhost:" + PORT);
        }
    }

    private static final String FIRM_KEY = "harbor-pine";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @InjectClioSandbox
    ClioSandbox sandbox;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    WebhookStore webhooks;

    @Test
    void webhooksDeliverChangesAndDeletionsAndForgeriesAreRefused() throws Exception {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        long clioUserId = ((Number) sandbox.admin().users(FIRM_KEY).get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
        List<Long> matterIds = sandbox.admin().matterIds(FIRM_KEY);

        try (ConsumerTask<String, String> matters = companion.consumeStrings()
                .withGroupId("webhook-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.MATTER_CHANGED.topicName())) {
            OAuthFlow.connect(firmId, "user-hooks");
            long changedId = matterIds.get(3);
            String changedKey = EventKeys.matter(firmId, changedId);
            // Backfill done, and both webhooks registered and enabled by their handshake.
            Awaitility.await().atMost(TIMEOUT).until(() -> !records(matters, changedKey).isEmpty()
                    && QuarkusTransaction.requiringNew().call(() -> webhooks.hooks(firmId)).size() == 2);
            String hookToken = QuarkusTransaction.requiringNew().call(() -> webhooks.hookToken(firmId));

            given().contentType("application/json").body("{\"data\":{\"id\":" + changedId + "},\"meta\":{\"event\":"
                    + "\"deleted\",\"webhook_id\":1}}").when().post("/webhooks/clio/" + hookToken).then().statusCode(401);
            given().contentType("application/json").header("X-Hook-Signature", "00ff")
                    .body("{\"data\":{\"id\":" + changedId + "},\"meta\":{\"event\":\"deleted\",\"webhook_id\":"
                            + QuarkusTransaction.requiringNew().call(() -> webhooks.hooks(firmId)).get(0).clioWebhookId()
                            + "}}").when().post("/webhooks/clio/" + hookToken).then().statusCode(401);
            given().contentType("application/json").body("{}").when().post("/webhooks/clio/not-a-firm").then()
                    .statusCode(404);

            String description = "Changed by webhook " + UUID.randomUUID();
            sandbox.admin().updateMatter(FIRM_KEY, changedId, Map.of("description", description));
            Awaitility.await().atMost(TIMEOUT).until(() -> records(matters, changedKey).stream()
                    .filter(r -> r.value() != null)
                    .map(r -> EventCodec.shared().decode(r.value(), MatterChangedV1.class).matter().description())
                    .anyMatch(description::equals));
            assertThat(records(matters, changedKey)).as("the forged deletion published no tombstone")
                    .allMatch(r -> r.value() != null);

            long deletedId = matterIds.get(4);
            String deletedKey = EventKeys.matter(firmId, deletedId);
            sandbox.admin().deleteMatter(FIRM_KEY, deletedId);
            Awaitility.await().atMost(TIMEOUT).until(() -> records(matters, deletedKey).stream()
                    .anyMatch(r -> r.value() == null));
        }
    }

    private static List<ConsumerRecord<String, String>> records(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }
}
