package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Command: re-read a firm's matters, clients and rates from Clio and republish them on the compacted topics.
 * CloudEvents type {@code com.caseclock.connector.resync-firm.requested.v1} on {@link Topic#CONNECTOR_COMMAND}, key
 * and subject {@code <firmId>}.
 *
 * @param eventId              unique event id (de-dup key, ce_id)
 * @param firmId               tenant id
 * @param occurredAt           when it was requested, UTC
 * @param schemaVersion        always {@link #SCHEMA_VERSION}
 * @param includeClosedMatters {@code true} to include closed matters
 * @param requestedBy          who asked (service name or support user), not {@code null}
 */
public record ResyncFirmRequestedV1(
        UUID eventId,
        String firmId,
        Instant occurredAt,
        int schemaVersion,
        boolean includeClosedMatters,
        String requestedBy) implements DomainEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /** {@inheritDoc} The firm id. */
    @Override
    public String kafkaKey() {
        return EventKeys.firm(firmId);
    }

    /** {@inheritDoc} The firm id. */
    @Override
    public String subject() {
        return EventKeys.firm(firmId);
    }

    /** {@inheritDoc} */
    @Override
    public EventType type() {
        return EventType.RESYNC_FIRM_REQUESTED;
    }
}
