package com.caseclock.mattercache.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.caseclock.events.EventHeaders;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.kafka.ReceivedEvent;

/**
 * What a tombstone (null value) tells: the aggregate from its key and the deletion time from its envelope.
 *
 * @param firmId    tenant id
 * @param kind      rate kind ({@code user}, {@code client-rate}, {@code activity-description}) for rate keys, else
 *                  {@code null}
 * @param clioId    Clio id of the deleted record
 * @param deletedAt the tombstone's {@code ce_time}, or the Kafka record timestamp when that header is missing
 */
public record TombstoneKey(String firmId, String kind, long clioId, Instant deletedAt) {

    /**
     * Reads a tombstone of a matter or client topic, key {@code <firmId>:<clioId>}.
     *
     * @param received     the tombstone
     * @param record       the raw record
     * @param expectedType the topic's tombstone {@code ce_type}
     * @return the parsed key and time
     * @throws InvalidEventException when the key or the type is not a tombstone of this topic (dead-lettered)
     */
    public static TombstoneKey ofEntity(ReceivedEvent received, ConsumerRecord<String, String> record,
            String expectedType) {
        checkType(received, expectedType);
        String key = received.key();
        int colon = key.lastIndexOf(':');
        if (colon <= 0) {
            throw new InvalidEventException("tombstone key is not <firmId>:<clioId>: " + key);
        }
        return new TombstoneKey(key.substring(0, colon), null, clioId(key, key.substring(colon + 1)), time(record));
    }

    /**
     * Reads a tombstone of the rate topic, key {@code <firmId>:<rateKind>:<clioId>}.
     *
     * @param received     the tombstone
     * @param record       the raw record
     * @param expectedType the topic's tombstone {@code ce_type}
     * @return the parsed key and time
     * @throws InvalidEventException when the key or the type is not a rate tombstone (dead-lettered)
     */
    public static TombstoneKey ofRate(ReceivedEvent received, ConsumerRecord<String, String> record,
            String expectedType) {
        checkType(received, expectedType);
        String[] parts = received.key().split(":");
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new InvalidEventException("rate tombstone key is not <firmId>:<rateKind>:<clioId>: "
                    + received.key());
        }
        return new TombstoneKey(parts[0], parts[1], clioId(received.key(), parts[2]), time(record));
    }

    private static void checkType(ReceivedEvent received, String expectedType) {
        if (!expectedType.equals(received.ceType())) {
            throw new InvalidEventException("null value with ce_type " + received.ceType() + ", expected tombstone "
                    + expectedType);
        }
    }

    private static long clioId(String key, String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidEventException("tombstone key has no positive Clio id: " + key);
    }

    private static Instant time(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(EventHeaders.CE_TIME);
        if (header != null && header.value() != null) {
            try {
                return Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
            } catch (DateTimeParseException e) {
                // fall back to the record timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }
}
