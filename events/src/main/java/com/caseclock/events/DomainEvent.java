package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Common shape of every CaseClock event payload (the value of a Kafka record).
 *
 * <p>Every implementation is an immutable record whose first four components are {@code eventId, firmId,
 * occurredAt, schemaVersion}. The remaining methods ({@link #kafkaKey()}, {@link #subject()}, {@link #type()}) are
 * derived from the payload and are <em>not</em> written to JSON.
 */
public interface DomainEvent {

    /**
     * Unique id of this event; consumers use it as the de-duplication key. Also sent as the CloudEvents
     * {@code ce_id} header.
     *
     * @return the event id, never {@code null} in a valid event
     */
    UUID eventId();

    /**
     * Tenant (law firm) id; matches {@code ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$}.
     *
     * @return the firm id
     */
    String firmId();

    /**
     * When the fact happened, UTC. Also sent as the CloudEvents {@code ce_time} header.
     *
     * @return the instant the event occurred
     */
    Instant occurredAt();

    /**
     * Version of the payload schema; always {@code 1} for the {@code ...V1} types. A breaking change is a new
     * event type ({@code ...V2}), never an edit of an existing one.
     *
     * @return the schema version
     */
    int schemaVersion();

    /**
     * Kafka record key: the aggregate key that decides the partition, so all events of one aggregate are consumed
     * in order. Formats are listed on each {@link Topic} constant and built by {@link EventKeys}.
     *
     * @return the key, never {@code null}
     * @throws NullPointerException if a field the key is built from is {@code null}
     */
    String kafkaKey();

    /**
     * CloudEvents {@code ce_subject}: the aggregate id as text (e.g. the Clio matter id or the time entry UUID).
     *
     * @return the subject, never {@code null}
     * @throws NullPointerException if a field the subject is built from is {@code null}
     */
    String subject();

    /**
     * The catalogue entry of this payload (CloudEvents type, topic, schema).
     *
     * @return the event type, constant per record class
     */
    EventType type();
}
