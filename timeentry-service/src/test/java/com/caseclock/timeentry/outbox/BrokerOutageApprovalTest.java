package com.caseclock.timeentry.outbox;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.create;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.MatterStatus;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.kafka.EmbeddedKafkaBroker;
import com.caseclock.timeentry.support.Db;
import com.caseclock.timeentry.support.Matters;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Approvals never wait for Kafka: 50 approved in one request, then the broker is really stopped (the embedded
 * broker's broker process shuts down, same port kept), 10 more approved (one also edited), the broker restarted:
 * exactly 60 approved events reach the topic, one per entry, and the edited entry's update follows its approval.
 */
@QuarkusTest
class BrokerOutageApprovalTest {

    private static final String APPROVED = "com.caseclock.timeentry.approved.v1";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void entriesApprovedWhileKafkaIsDownArePublishedWhenItReturnsExactlyOnceAndInOrder() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        long matter = Matters.known(companion, dataSource, firm, "00300-Outage", MatterStatus.OPEN);
        List<String> firstFifty = drafts(token, matter, 50);
        List<String> lastTen = drafts(token, matter, 10);

        as(token).body(Map.of("entries", firstFifty.stream().map(id -> Map.of("id", id, "version", 0)).toList()))
                .post("/api/v1/time-entries/approvals").then().statusCode(200).body("approved", equalTo(true));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unsent(firm) == 0);

        EmbeddedKafkaBroker.stopBroker();
        try {
            for (String id : lastTen) {
                as(token).header("If-Match", "\"0\"").post("/api/v1/time-entries/" + id + "/approve").then()
                        .statusCode(200).body("status", equalTo("APPROVED"));
            }
            // An edit after approval while down: its update must follow its approval on the topic.
            as(token).header("If-Match", "\"1\"").body(Map.of("durationSeconds", 4000))
                    .patch("/api/v1/time-entries/" + lastTen.get(0)).then().statusCode(200);
            // While the broker is down the relay keeps failing and the events wait in the outbox.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(dataSource,
                    "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND attempts > 0 AND payload LIKE ?",
                    "%\"firmId\":\"" + firm + "\"%") > 0);
            assertThat(unsent(firm)).isEqualTo(11);
        } finally {
            EmbeddedKafkaBroker.startBroker();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> unsent(firm) == 0);

        Set<String> ours = new HashSet<>(firstFifty);
        ours.addAll(lastTen);
        List<ConsumerRecord<String, String>> records;
        try (ConsumerTask<String, String> probe = companion.consumeStrings()
                .withGroupId("outage-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.TIME_ENTRY_APPROVAL.topicName())) {
            // 61 of ours (60 approvals + 1 update), and still 61 two seconds later (no late duplicate).
            Awaitility.await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(2))
                    .until(() -> ours(probe, ours).size() == 61);
            records = ours(probe, ours);
        }
        List<ConsumerRecord<String, String>> approved = records.stream()
                .filter(r -> APPROVED.equals(header(r, "ce_type"))).toList();
        assertThat(approved).hasSize(60);
        Map<String, Long> perEntry = approved.stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perEntry).hasSize(60).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        assertThat(records.stream().map(r -> header(r, "ce_id")).distinct()).hasSize(61);
        assertThat(records.stream().filter(r -> r.key().equals(lastTen.get(0))).map(r -> header(r, "ce_type")))
                .containsExactly(APPROVED, "com.caseclock.timeentry.approval-updated.v1");
    }

    private static List<ConsumerRecord<String, String>> ours(ConsumerTask<String, String> probe, Set<String> keys) {
        return probe.getRecords().stream().filter(r -> keys.contains(r.key())).toList();
    }

    private long unsent(String firm) {
        return Db.count(dataSource, "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND payload LIKE ?",
                "%\"firmId\":\"" + firm + "\"%");
    }

    private static List<String> drafts(String token, long matter, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(create(token, Map.of("durationSeconds", 60 + i, "matterId", matter, "workDate", "2025-03-14"))
                    .path("id"));
        }
        return ids;
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
