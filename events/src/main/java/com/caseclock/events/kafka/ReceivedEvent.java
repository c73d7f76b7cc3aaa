package com.caseclock.events.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventHeaders;
import com.caseclock.events.InvalidEventException;

/**
 * One record read from a topic, with its CloudEvents envelope checked and its payload decoded and validated against
 * its JSON Schema.
 *
 * @param topic     topic it was read from
 * @param partition partition
 * @param offset    offset in the partition
 * @param key       the Kafka key (aggregate key)
 * @param ceId      {@code ce_id}: the event id (the de-duplication key)
 * @param ceType    {@code ce_type}
 * @param ceSource  {@code ce_source}
 * @param event     the decoded payload, or {@code null} for a tombstone
 */
public record ReceivedEvent(String topic, int partition, long offset, String key, UUID ceId, String ceType,
        String ceSource, DomainEvent event) {

    /** @return {@code true} when the record is a tombstone (null value) on a compacted topic */
    public boolean tombstone() {
        return event == null;
    }

    /**
     * Reads a record written in CloudEvents binary mode.
     *
     * @param record the consumed record, value as JSON text (or {@code null} for a tombstone)
     * @param codec  the codec that validates and decodes payloads
     * @return the received event
     * @throws InvalidEventException when the key or a required {@code ce_*} header is missing or malformed, when the
     *         payload is not valid JSON, violates its schema, or its {@code eventId} differs from {@code ce_id}. The
     *         consumer's failure strategy then sends the record to the service's dead-letter topic.
     */
    public static ReceivedEvent read(ConsumerRecord<String, String> record, EventCodec codec) {
        if (record.key() == null) {
            throw new InvalidEventException("record has no key");
        }
        String ceType = header(record, EventHeaders.CE_TYPE)
                .orElseThrow(() -> new InvalidEventException("record has no " + EventHeaders.CE_TYPE + " header"));
        String rawId = header(record, EventHeaders.CE_ID)
                .orElseThrow(() -> new InvalidEventException("record has no " + EventHeaders.CE_ID + " header"));
        UUID ceId;
        try {
            ceId = UUID.fromString(rawId);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(EventHeaders.CE_ID + " is not a UUID: " + rawId);
        }
        String source = header(record, EventHeaders.CE_SOURCE).orElse(null);
        if (record.value() == null) {
            return new ReceivedEvent(record.topic(), record.partition(), record.offset(), record.key(), ceId, ceType,
                    source, null);
        }
        DomainEvent event = codec.decode(record.value(), ceType);
        if (!event.eventId().equals(ceId)) {
            throw new InvalidEventException("payload eventId " + event.eventId() + " differs from ce_id " + ceId);
        }
        return new ReceivedEvent(record.topic(), record.partition(), record.offset(), record.key(), ceId, ceType,
                source, event);
    }

    private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
