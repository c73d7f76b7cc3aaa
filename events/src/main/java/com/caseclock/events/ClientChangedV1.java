package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A Clio client (contact) was created or changed. CloudEvents type {@code com.caseclock.clio.client.changed.v1} on
 * {@link Topic#CLIENT_CHANGED}, key {@code <firmId>:<client.clioId>}, subject {@code <client.clioId>}.
 *
 * @param eventId       unique event id (de-dup key, ce_id)
 * @param firmId        tenant id
 * @param occurredAt    when the connector observed the change, UTC
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param client        snapshot of the contact, not {@code null}
 */
public record ClientChangedV1(UUID eventId, String firmId, Instant occurredAt, int schemaVersion, ClientSnapshot client)
        implements DomainEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Creates the event with a random id and {@link #SCHEMA_VERSION}.
     *
     * @param firmId     tenant id
     * @param occurredAt when it happened, UTC
     * @param client     the contact snapshot
     * @return the event
     */
    public static ClientChangedV1 of(String firmId, Instant occurredAt, ClientSnapshot client) {
        return new ClientChangedV1(UUID.randomUUID(), firmId, occurredAt, SCHEMA_VERSION, client);
    }

    /** {@inheritDoc} Format {@code <firmId>:<client.clioId>}. */
    @Override
    public String kafkaKey() {
        return EventKeys.client(firmId, client.clioId());
    }

    /** {@inheritDoc} The Clio contact id. */
    @Override
    public String subject() {
        return Long.toString(client.clioId());
    }

    /** {@inheritDoc} */
    @Override
    public EventType type() {
        return EventType.CLIENT_CHANGED;
    }
}
