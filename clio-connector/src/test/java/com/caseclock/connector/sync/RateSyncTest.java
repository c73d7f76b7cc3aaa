package com.caseclock.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.events.ClientRateChangedV1;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventKeys;
import com.caseclock.events.Topic;
import com.caseclock.events.UserRateChangedV1;
import com.caseclock.testsupport.clio.InjectClioSandbox;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Users (default rate and groups), client rates and activity descriptions reach the rate topic; a client rate deleted
 * in Clio becomes a tombstone.
 */
@QuarkusTest
class RateSyncTest {

    private static final String FIRM_KEY = "nunez-oconnor";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @InjectClioSandbox
    ClioSandbox sandbox;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void ratesAreSyncedAndADeletedClientRateIsTombstoned() throws Exception {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> users = sandbox.admin().users(FIRM_KEY);
        long clioUserId = ((Number) users.get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
        long contactId = sandbox.admin().matterIds(FIRM_KEY).isEmpty() ? 0
                : ((Number) ((Map<?, ?>) sandbox.admin().matter(FIRM_KEY, sandbox.admin().matterIds(FIRM_KEY).get(0))
                        .get("client")).get("id")).longValue();
        long rateId = ((Number) sandbox.admin().createActivityRate(FIRM_KEY,
                Map.of("contact_id", contactId, "rate", 321.5)).get("id")).longValue();

        try (ConsumerTask<String, String> rates = companion.consumeStrings()
                .withGroupId("rate-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.RATE_CHANGED.topicName())) {
            OAuthFlow.connect(firmId, "user-rates");

            String userKey = EventKeys.userRate(firmId, clioUserId);
            String rateKey = EventKeys.clientRate(firmId, rateId);
            Awaitility.await().atMost(TIMEOUT).until(() -> !records(rates, userKey).isEmpty()
                    && !records(rates, rateKey).isEmpty());
            UserRateChangedV1 user = EventCodec.shared().decode(records(rates, userKey).get(0).value(),
                    UserRateChangedV1.class);
            assertThat(user.userClioId()).isEqualTo(clioUserId);
            assertThat(user.groupClioIds()).isNotEmpty();
            ClientRateChangedV1 rate = EventCodec.shared().decode(records(rates, rateKey).get(0).value(),
                    ClientRateChangedV1.class);
            assertThat(rate.contactClioId()).isEqualTo(contactId);
            assertThat(rate.rate().amount()).isEqualByComparingTo("321.5");
            assertThat(rates.getRecords().stream().anyMatch(r -> r.key().startsWith(firmId + ":activity-description:")))
                    .as("activity descriptions synced").isTrue();

            sandbox.admin().deleteActivityRate(FIRM_KEY, rateId);
            Awaitility.await().atMost(TIMEOUT).until(() -> records(rates, rateKey).stream()
                    .anyMatch(r -> r.value() == null));
        }
    }

    private static List<ConsumerRecord<String, String>> records(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }
}
