package com.caseclock.events.kafka;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventHeaders;
import com.caseclock.events.Topic;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * One record ready to be published: what an outbox row holds. It turns into a SmallRye {@link Message} whose Kafka
 * metadata carries the topic and the key, and whose CloudEvents metadata makes the connector write the binary-mode
 * {@code ce_*} headers ({@link com.caseclock.events.EventHeaders}).
 *
 * @param topic       the topic name from the catalogue ({@link Topic#topicName()})
 * @param key         the Kafka key: the aggregate key, so one aggregate's events stay in one partition, in order
 * @param eventId     the event id, written as {@code ce_id}
 * @param ceType      the versioned event type, written as {@code ce_type}
 * @param subject     the aggregate id as text, written as {@code ce_subject}
 * @param occurredAt  when the event happened (UTC), written as {@code ce_time}
 * @param payloadJson the JSON payload, or {@code null} for a tombstone on a compacted topic
 */
public record OutgoingEvent(String topic, String key, UUID eventId, String ceType, String subject, Instant occurredAt,
        String payloadJson) {

    public OutgoingEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(ceType, "ceType");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /**
     * Builds the outgoing form of a domain event: its topic, key, subject and type come from the event itself.
     *
     * @param event the event
     * @param codec the codec that serialises and validates it
     * @return the record to publish
     * @throws com.caseclock.events.InvalidEventException if the event breaks its own schema
     */
    public static OutgoingEvent of(DomainEvent event, EventCodec codec) {
        return new OutgoingEvent(event.type().topic().topicName(), event.kafkaKey(), event.eventId(),
                event.type().ceType(), event.subject(), event.occurredAt(), codec.encode(event));
    }

    /** @return {@code true} when this record deletes its key on a compacted topic (null value) */
    public boolean tombstone() {
        return payloadJson == null;
    }

    /**
     * @param source the producing service as a CloudEvents source, e.g. {@code /caseclock/clio-connector}
     * @return the SmallRye message, with Kafka and CloudEvents metadata; acknowledge handling is the caller's
     */
    public Message<String> toMessage(URI source) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(topic)
                .withKey(key)
                .build();
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String> builder()
                .withId(eventId.toString())
                .withType(ceType)
                .withSource(source)
                .withSubject(subject)
                .withTimestamp(occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType(EventHeaders.APPLICATION_JSON)
                .build();
        return Message.of(payloadJson, Metadata.of(kafka, cloudEvent));
    }
}
