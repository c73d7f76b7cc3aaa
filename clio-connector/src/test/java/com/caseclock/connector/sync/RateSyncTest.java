package com.caseclock.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
import com.caseclock.events.CustomRateType;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterRateEntry;
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
            // Activity descriptions come last in a run: wait for them, they may leave the outbox a little later.
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> assertThat(rates.getRecords().stream()
                    .anyMatch(r -> r.key().startsWith(firmId + ":activity-description:")))
                    .as("activity descriptions synced").isTrue());

            sandbox.admin().deleteActivityRate(FIRM_KEY, rateId);
            Awaitility.await().atMost(TIMEOUT).until(() -> records(rates, rateKey).stream()
                    .anyMatch(r -> r.value() == null));
        }
    }

    /**
     * A listing shows only the id and etag of each custom rate line, so the amounts come from Clio's effective-rate
     * endpoint ({@code activity_descriptions.json?rate_for[...]}): per user for hourly matter rates (a user's own
     * rate and the firm-wide group rate resolved as Clio resolves them: the highest wins), the amount and activity
     * description of a flat fee, and no lines for a contingency fee (its percentage cannot be read). A user added to
     * the firm later gets the firm-wide matter rate without the matter changing.
     */
    @Test
    void matterCustomRatesArePublishedWithTheirAmounts() throws Exception {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> users = sandbox.admin().users(FIRM_KEY);
        long owner = ((Number) users.get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, owner);
        long everyone = ((Number) sandbox.admin().createGroup(FIRM_KEY, Map.of("name", "Firm-wide " + firmId,
                "type", "AccountGroup")).get("id")).longValue();
        long filing = ((Number) sandbox.admin().createActivityDescription(FIRM_KEY, Map.of("name",
                "Fixed filing " + firmId, "rate", Map.of("type", "User"))).get("id")).longValue();
        long clientId = ((Number) ((Map<?, ?>) sandbox.admin().matter(FIRM_KEY,
                sandbox.admin().matterIds(FIRM_KEY).get(0)).get("client")).get("id")).longValue();
        long hourly = matter(clientId, Map.of("type", "HourlyRate", "rates", List.of(
                Map.of("rate", 500, "user", Map.of("id", owner)),
                Map.of("rate", 410, "group", Map.of("id", everyone)))));
        long flatMatter = matter(clientId, Map.of("type", "FlatRate", "rates", List.of(
                Map.of("rate", 1234.5, "user", Map.of("id", owner), "activity_description", Map.of("id", filing)))));
        long contingency = matter(clientId, Map.of("type", "ContingencyFee", "rates", List.of(
                Map.of("rate", 25, "user", Map.of("id", owner)))));

        try (ConsumerTask<String, String> matters = companion.consumeStrings()
                .withGroupId("matter-rate-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.MATTER_CHANGED.topicName())) {
            OAuthFlow.connect(firmId, "user-matter-rates");

            Awaitility.await().atMost(TIMEOUT).until(() -> latest(matters, EventKeys.matter(firmId, hourly)) != null
                    && latest(matters, EventKeys.matter(firmId, contingency)) != null);
            MatterCustomRate rate = latest(matters, EventKeys.matter(firmId, hourly)).matter().customRate();
            assertThat(rate.type()).isEqualTo(CustomRateType.HOURLY_RATE);
            Map<Long, BigDecimal> expected = new java.util.HashMap<>();
            for (Map<String, Object> user : users) {
                if (Boolean.FALSE.equals(user.get("enabled"))) {
                    continue;
                }
                long id = ((Number) user.get("id")).longValue();
                expected.put(id, new BigDecimal(id == owner ? "500" : "410").stripTrailingZeros());
            }
            assertThat(amountsByUser(rate)).isEqualTo(expected);
            assertThat(rate.rates()).allSatisfy(line -> {
                assertThat(line.groupClioId()).isNull();
                assertThat(line.rate().currency()).isEqualTo("USD");
            });

            MatterCustomRate flat = latest(matters, EventKeys.matter(firmId, flatMatter)).matter().customRate();
            assertThat(flat.type()).isEqualTo(CustomRateType.FLAT_RATE);
            assertThat(flat.rates()).singleElement().satisfies(line -> {
                assertThat(line.rate().amount()).isEqualByComparingTo("1234.5");
                assertThat(line.activityDescriptionClioId()).isEqualTo(filing);
                assertThat(line.userClioId()).isNull();
            });
            MatterCustomRate fee = latest(matters, EventKeys.matter(firmId, contingency)).matter().customRate();
            assertThat(fee.type()).isEqualTo(CustomRateType.CONTINGENCY_FEE);
            assertThat(fee.rates()).isEmpty();

            long newcomer = ((Number) sandbox.admin().createUser(FIRM_KEY, Map.of("first_name", "Inès",
                    "last_name", "Newcomer", "rate", 90)).get("id")).longValue();
            Awaitility.await().atMost(TIMEOUT).until(() -> amountsByUser(latest(matters,
                    EventKeys.matter(firmId, hourly)).matter().customRate()).containsKey(newcomer));
            assertThat(amountsByUser(latest(matters, EventKeys.matter(firmId, hourly)).matter().customRate())
                    .get(newcomer)).isEqualByComparingTo("410");
        }
    }

    private long matter(long clientId, Map<String, Object> customRate) {
        return ((Number) sandbox.admin().createMatter(FIRM_KEY, Map.of("description", "Rated matter",
                "client", Map.of("id", clientId), "custom_rate", customRate)).get("id")).longValue();
    }

    private static Map<Long, BigDecimal> amountsByUser(MatterCustomRate rate) {
        Map<Long, BigDecimal> amounts = new java.util.HashMap<>();
        for (MatterRateEntry line : rate.rates()) {
            amounts.put(line.userClioId(), line.rate().amount().stripTrailingZeros());
        }
        return amounts;
    }

    private static MatterChangedV1 latest(ConsumerTask<String, String> task, String key) {
        List<ConsumerRecord<String, String>> found = records(task, key);
        return found.isEmpty() || found.get(found.size() - 1).value() == null ? null
                : EventCodec.shared().decode(found.get(found.size() - 1).value(), MatterChangedV1.class);
    }

    private static List<ConsumerRecord<String, String>> records(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }
}
