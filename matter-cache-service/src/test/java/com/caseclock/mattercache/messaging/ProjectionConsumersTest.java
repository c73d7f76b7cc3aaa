package com.caseclock.mattercache.messaging;

import static com.caseclock.mattercache.TestEvents.T0;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.EventKeys;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.MatterSnapshot;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.Topic;
import com.caseclock.mattercache.TestEvents;
import com.caseclock.testsupport.kafka.CloudEventRecords;
import com.caseclock.testsupport.security.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The projection consumers: version guard, duplicates, tombstones and deletion markers, poison records. */
@QuarkusTest
class ProjectionConsumersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOlderSnapshotAfterANewerOneAndTheSameEventThreeTimesLeaveTheNewestState() throws Exception {
        String firm = TestEvents.firm();
        MatterChangedV1 newer = TestEvents.matterChanged(firm, TestEvents.matter(10, "00010-New", "newest",
                MatterStatus.PENDING, null, null, null, T0.plusSeconds(60)));
        MatterChangedV1 older = TestEvents.matterChanged(firm, TestEvents.matter(10, "00010-Old", "older",
                MatterStatus.OPEN, null, null, null, T0));
        ProducerRecord<String, String> newerRecord = TestEvents.record(newer);
        TestEvents.publish(companion, List.of(newerRecord, TestEvents.record(older), newerRecord, newerRecord));
        MatterChangedV1 marker = TestEvents.matterChanged(firm, TestEvents.matter(11, "00011", "after", MatterStatus.OPEN,
                null, null, null, T0));
        TestEvents.publish(companion, marker);

        awaitMatter(firm, 11);
        given().auth().oauth2(TestTokens.lawyer(firm, "u1")).get("/api/v1/matters/10").then().statusCode(200)
                .body("displayNumber", equalTo("00010-New")).body("description", equalTo("newest"))
                .body("status", equalTo("pending"));
        assertThat(TestEvents.rows(dataSource, "SELECT count(*) AS n FROM processed_event WHERE event_id = ?",
                newer.eventId())).extracting(r -> r.get("n")).containsExactly("1");
        assertThat(TestEvents.rows(dataSource, "SELECT events_applied FROM firm_freshness WHERE firm_id = ?", firm)
                .stream().mapToLong(r -> Long.parseLong((String) r.get("events_applied"))).sum())
                .as("older + newer + marker applied once each, duplicates skipped").isEqualTo(3);
    }

    @Test
    void ofTwoChangesWithinTheSameClioSecondTheOnePublishedLastWinsWhateverTheOrderOfArrival() throws Exception {
        // Clio's updated_at has whole seconds: two saves of a matter within one second carry the same time. The one
        // the connector published last wins (a strictly-later rule kept the first) ...
        String firm = TestEvents.firm();
        Instant published = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MatterSnapshot first = TestEvents.matter(40, "00040", "first save", MatterStatus.OPEN, null, null, null, T0);
        MatterSnapshot second = new MatterSnapshot(40, "00040", "second save", MatterStatus.OPEN, null, null, 77L,
                "Dana Lee", true, first.openDate(), null, null, null, T0, "\"etag-second\"");
        TestEvents.publish(companion, new MatterChangedV1(UUID.randomUUID(), firm, published, 1, first),
                new MatterChangedV1(UUID.randomUUID(), firm, published.plusMillis(700), 1, second));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(TestTokens.lawyer(firm, "u1"))
                .get("/api/v1/matters/40").then().statusCode(200).body("description", equalTo("second save")));

        // ... also when the first arrives again afterwards, as when support's rebuild re-reads the topic while
        // records fetched before it are still being applied
        MatterChangedV1 replayed = new MatterChangedV1(UUID.randomUUID(), firm, published, 1, first);
        TestEvents.publish(companion, replayed);
        Awaitility.await().atMost(TIMEOUT).until(() -> !TestEvents.rows(dataSource,
                "SELECT 1 FROM processed_event WHERE event_id = ?", replayed.eventId()).isEmpty());
        given().auth().oauth2(TestTokens.lawyer(firm, "u1")).get("/api/v1/matters/40").then().statusCode(200)
                .body("description", equalTo("second save"));
    }

    @Test
    void aTombstoneDeletesAndAStaleSnapshotDoesNotResurrectButANewerOneDoes() {
        String firm = TestEvents.firm();
        TestEvents.publish(companion, TestEvents.matterChanged(firm, TestEvents.matter(20, "00020", "to delete",
                MatterStatus.OPEN, null, null, null, T0)));
        awaitMatter(firm, 20);

        TestEvents.publish(companion, List.of(
                TestEvents.tombstone(Topic.MATTER_CHANGED, EventKeys.matter(firm, 20)),
                TestEvents.record(TestEvents.matterChanged(firm, TestEvents.matter(20, "00020", "stale copy",
                        MatterStatus.OPEN, null, null, null, T0.plusSeconds(1))))));
        TestEvents.publish(companion, TestEvents.matterChanged(firm, TestEvents.matter(21, "00021", "marker",
                MatterStatus.OPEN, null, null, null, T0)));
        awaitMatter(firm, 21);
        given().auth().oauth2(TestTokens.lawyer(firm, "u1")).get("/api/v1/matters/20").then().statusCode(404)
                .contentType("application/problem+json");

        TestEvents.publish(companion, TestEvents.matterChanged(firm, TestEvents.matter(20, "00020", "recreated",
                MatterStatus.OPEN, null, null, null, Instant.now().plusSeconds(60))));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(TestTokens.lawyer(firm, "u1"))
                .get("/api/v1/matters/20").then().statusCode(200).body("description", equalTo("recreated")));
    }

    @Test
    void clientAndRateTopicsAreVersionGuardedAndTombstoned() {
        String firm = TestEvents.firm();
        TestEvents.publish(companion,
                TestEvents.clientChanged(firm, 30, "Newer Name LLP", T0.plusSeconds(10)),
                TestEvents.clientChanged(firm, 30, "Older Name LLP", T0),
                TestEvents.clientRate(firm, 31, 30, null, null, "200.00", T0));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(TestTokens.lawyer(firm, "u1"))
                .get("/api/v1/clients/30").then().statusCode(200).body("name", equalTo("Newer Name LLP"))
                .body("rates[0].rate.amount", equalTo("200.00")));

        TestEvents.publish(companion, List.of(TestEvents.tombstone(Topic.RATE_CHANGED, EventKeys.clientRate(firm, 31)),
                TestEvents.tombstone(Topic.CLIENT_CHANGED, EventKeys.client(firm, 30))));
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(TestTokens.lawyer(firm, "u1"))
                .get("/api/v1/clients/30").then().statusCode(404));
        Awaitility.await().atMost(TIMEOUT).until(() -> TestEvents.rows(dataSource,
                "SELECT 1 FROM client_rate WHERE firm_id = ?", firm).isEmpty());
    }

    @Test
    void tombstonesWithABadKeyAndEventsOfAnotherTopicGoToTheDeadLetterTopic() {
        String firm = TestEvents.firm();
        String badKey = firm + ":not-a-number";
        String rateBadKind = firm + ":mystery:5";
        MatterChangedV1 wrongTopic = TestEvents.matterChanged(firm, TestEvents.matter(40, "00040", "x",
                MatterStatus.OPEN, null, null, null, T0));
        String wrongTopicKey = EventKeys.userRate(firm, 40);
        try (ConsumerTask<String, String> dead = companion.consumeStrings()
                .withGroupId("dlq-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.MATTER_CACHE_DEAD_LETTER.topicName())) {
            TestEvents.publish(companion, List.of(
                    TestEvents.tombstone(Topic.MATTER_CHANGED, badKey),
                    TestEvents.tombstone(Topic.RATE_CHANGED, rateBadKind),
                    CloudEventRecords.record(Topic.RATE_CHANGED.topicName(), wrongTopicKey, wrongTopic.eventId(),
                            wrongTopic.type().ceType(), com.caseclock.events.EventCodec.shared().encode(wrongTopic))));
            Awaitility.await().atMost(TIMEOUT).until(() -> dead.getRecords().stream().map(ConsumerRecord::key)
                    .filter(k -> k.equals(badKey) || k.equals(rateBadKind) || k.equals(wrongTopicKey)).count() == 3);
        }
    }

    private static void awaitMatter(String firm, long id) {
        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> given().auth().oauth2(TestTokens.lawyer(firm, "u1"))
                .get("/api/v1/matters/" + id).then().statusCode(200));
    }
}
