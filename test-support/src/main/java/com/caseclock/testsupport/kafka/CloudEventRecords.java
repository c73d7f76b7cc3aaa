package com.caseclock.testsupport.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import com.caseclock.events.EventHeaders;

/**
 * Builds raw Kafka records in CloudEvents binary mode, for tests that need to publish what a well-behaved producer
 * would, or deliberately something it would not (poison records).
 */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /**
     * @param topic   topic name
     * @param key     Kafka key
     * @param eventId {@code ce_id}
     * @param ceType  {@code ce_type}
     * @param value   the payload exactly as given (may be invalid JSON on purpose), or {@code null} for a tombstone
     * @return a record with {@code ce_specversion}, {@code ce_id}, {@code ce_type}, {@code ce_source},
     *         {@code ce_time}, {@code ce_subject} (= key) and {@code content-type} headers
     */
    public static ProducerRecord<String, String> record(String topic, String key, UUID eventId, String ceType,
            String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(header(EventHeaders.CE_SPECVERSION, "1.0"));
        headers.add(header(EventHeaders.CE_ID, eventId.toString()));
        headers.add(header(EventHeaders.CE_TYPE, ceType));
        headers.add(header(EventHeaders.CE_SOURCE, "/caseclock/test"));
        headers.add(header(EventHeaders.CE_TIME, Instant.now().toString()));
        headers.add(header(EventHeaders.CE_SUBJECT, key));
        headers.add(header(EventHeaders.CONTENT_TYPE, "application/json"));
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
