package com.caseclock.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import com.caseclock.events.Topic;
import com.caseclock.service.messaging.DeadLetterHeaders;

/** How a dead-letter record becomes a failed-event row: headers first, the payload as fallback, nothing lost. */
class FailedEventIndexerTest {

    private static final String DLQ = Topic.CONNECTOR_DEAD_LETTER.topicName();

    @Test
    void aPostingDeadLetterIsReadFromItsHeaders() {
        UUID entry = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        RecordHeaders h = new RecordHeaders();
        add(h, "ce_id", event.toString());
        add(h, "ce_type", "com.caseclock.timeentry.approved.v1");
        add(h, DeadLetterHeaders.REASON, "VALIDATION_REJECTED: Clio rejected the entry: Quantity must be positive");
        add(h, DeadLetterHeaders.FAILURE_REASON, "VALIDATION_REJECTED");
        add(h, DeadLetterHeaders.TOPIC, Topic.TIME_ENTRY_APPROVAL.topicName());
        add(h, DeadLetterHeaders.SERVICE, "clio-connector");
        add(h, DeadLetterHeaders.ATTEMPTS, "1");
        add(h, DeadLetterHeaders.FIRST_FAILURE, "2026-11-29T10:00:00Z");
        add(h, DeadLetterHeaders.LAST_FAILURE, "2026-11-29T10:05:00Z");
        add(h, DeadLetterHeaders.CLIO_STATUS, "422");
        add(h, DeadLetterHeaders.CLIO_BODY, "{\"error\":{\"message\":\"x\"},\"access_token\":\"leak\"}");
        add(h, DeadLetterHeaders.FIRM_ID, "firm-1");
        add(h, DeadLetterHeaders.USER_ID, "user-1");
        add(h, DeadLetterHeaders.ENTRY_ID, entry.toString());
        add(h, DeadLetterHeaders.MATTER_ID, "486");
        FailedEventStore.Indexed row = FailedEventIndexer.read(record(entry.toString(), "{\"firmId\":\"other\"}", h));
        assertThat(row.dedupKey()).isEqualTo(Topic.TIME_ENTRY_APPROVAL.topicName() + "|" + event);
        assertThat(row.firmId()).isEqualTo("firm-1");
        assertThat(row.userId()).isEqualTo("user-1");
        assertThat(row.timeEntryId()).isEqualTo(entry);
        assertThat(row.matterId()).isEqualTo(486L);
        assertThat(row.reasonCode()).isEqualTo("VALIDATION_REJECTED");
        assertThat(row.reasonText()).isEqualTo("Clio rejected the entry: Quantity must be positive");
        assertThat(row.clioStatus()).isEqualTo(422);
        assertThat(row.clioBody()).doesNotContain("leak");
        assertThat(row.firstFailureAt()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(row.lastFailureAt()).isEqualTo(Instant.parse("2026-11-29T10:05:00Z"));
        assertThat(row.originalHeaders()).containsOnlyKeys("ce_id", "ce_type");
    }

    @Test
    void aBareSmallRyeDeadLetterFallsBackToThePayloadAndItsPosition() {
        RecordHeaders h = new RecordHeaders();
        add(h, DeadLetterHeaders.REASON, "record has no ce_id header");
        add(h, DeadLetterHeaders.EXCEPTION_CLASS, "com.caseclock.events.InvalidEventException");
        add(h, DeadLetterHeaders.TOPIC, Topic.CONNECTOR_COMMAND.topicName());
        add(h, DeadLetterHeaders.PARTITION, "2");
        add(h, DeadLetterHeaders.OFFSET, "17");
        add(h, DeadLetterHeaders.REPLAY_OF, UUID.randomUUID().toString());
        FailedEventStore.Indexed row = FailedEventIndexer.read(record("firm-2", "{\"firmId\":\"firm-2\"}", h));
        assertThat(row.dedupKey()).isEqualTo("dead-letter|" + DLQ + "|1|99");
        assertThat(row.service()).isEqualTo("clio-connector");
        assertThat(row.firmId()).isEqualTo("firm-2");
        assertThat(row.reasonCode()).isEqualTo(FailureExplainer.INVALID_EVENT);
        assertThat(row.reasonText()).startsWith("The event could not be read").contains("record has no ce_id");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sourcePartition()).isEqualTo(2);
        assertThat(row.sourceOffset()).isEqualTo(17L);
        assertThat(row.lastFailureAt()).isEqualTo(Instant.ofEpochMilli(1_000L));
        assertThat(row.originalHeaders()).isEmpty();
    }

    private static ConsumerRecord<String, String> record(String key, String value, RecordHeaders headers) {
        return new ConsumerRecord<>(DLQ, 1, 99L, 1_000L, TimestampType.CREATE_TIME, -1, -1, key, value, headers,
                Optional.empty());
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
