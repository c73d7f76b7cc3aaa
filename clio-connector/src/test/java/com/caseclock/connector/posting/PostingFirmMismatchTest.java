package com.caseclock.connector.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.ApprovedTimeEntry;
import com.caseclock.events.EventCodec;
import com.caseclock.events.TimeEntryApprovalEvent;
import com.caseclock.events.TimeEntryApprovalUpdatedV1;
import com.caseclock.events.TimeEntryApprovedV1;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.kafka.CloudEventRecords;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * An entry never changes firm: a later event for the same entry that names another firm is corrupt and goes to the
 * dead-letter topic, so one firm's time can never be posted with another firm's Clio connection.
 */
@QuarkusTest
class PostingFirmMismatchTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void anEventMovingAnEntryToAnotherFirmIsDeadLettered() {
        UUID entryId = UUID.randomUUID();
        ApprovedTimeEntry first = new ApprovedTimeEntry(entryId, "user-a", LocalDate.of(2024, 3, 9),
                "America/New_York", 1800, "Research", 1001, null, false, null, null, "user-a", 1);
        ApprovedTimeEntry moved = new ApprovedTimeEntry(entryId, "user-a", LocalDate.of(2024, 3, 9),
                "America/New_York", 1800, "Research", 1001, null, false, null, null, "user-a", 2);
        TimeEntryApprovedV1 approved = TimeEntryApprovedV1.of("firm-a-" + entryId.toString().substring(0, 6),
                Instant.now(), first);
        TimeEntryApprovalUpdatedV1 hijack = TimeEntryApprovalUpdatedV1.of("firm-b-" + entryId.toString().substring(0, 6),
                Instant.now(), moved);
        try (ConsumerTask<String, String> dead = companion.consumeStrings()
                .withGroupId("mismatch-dlq-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.CONNECTOR_DEAD_LETTER.topicName())) {
            send(approved);
            send(hijack);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> dead.getRecords().stream()
                    .anyMatch(r -> hijack.eventId().toString().equals(header(r, "ce_id"))));
            ConsumerRecord<String, String> record = dead.getRecords().stream()
                    .filter(r -> hijack.eventId().toString().equals(header(r, "ce_id"))).findFirst().orElseThrow();
            assertThat(header(record, "dead-letter-reason")).contains("belongs to firm " + approved.firmId());
            assertThat(dead.getRecords()).noneMatch(r -> approved.eventId().toString().equals(header(r, "ce_id")));
        }
    }

    private void send(TimeEntryApprovalEvent e) {
        companion.produceStrings().fromRecords(CloudEventRecords.record(Topic.TIME_ENTRY_APPROVAL.topicName(),
                e.kafkaKey(), e.eventId(), e.type().ceType(), EventCodec.shared().encode(e)))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
