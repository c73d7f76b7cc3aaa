package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A Clio matter was created or changed (or first seen by a sync); carries the whole normalised matter.
 * CloudEvents type {@code com.caseclock.clio.matter.changed.v1} on {@link Topic#MATTER_CHANGED}, key
 * {@code <firmId>:<matter.clioId>}, subject {@code <matter.clioId>}. A deleted matter is a tombstone, not an event.
 *
 * @param eventId       unique event id (de-dup key, ce_id)
 * @param firmId        tenant id
 * @param occurredAt    when the connector observed the change, UTC
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param matter        snapshot of the matter, not {@code null}
 */
public record MatterChangedV1(UUID eventId, String firmId, Instant occurredAt, int schemaVersion, MatterSnapshot matter)
        implements DomainEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Creates the event with a random id and {@link #SCHEMA_VERSION}.
     *
     * @param firmId     tenant id
     * @param occurredAt when it happened, UTC
     * @param matter     the matter snapshot
     * @return the event
     */
    public static MatterChangedV1 of(String firmId, Instant occurredAt, MatterSnapshot matter) {
        return new MatterChangedV1(UUID.randomUUID(), firmId, occurredAt, SCHEMA_VERSION, matter);
    }

    /** {@inheritDoc} Format {@code <firmId>:<matter.clioId>}. */
    @Override
    public String kafkaKey() {
        return EventKeys.matter(firmId, matter.clioId());
    }

    /** {@inheritDoc} The Clio matter id. */
    @Override
    public String subject() {
        return Long.toString(matter.clioId());
    }

    /** {@inheritDoc} */
    @Override
    public EventType type() {
        return EventType.MATTER_CHANGED;
    }
}
