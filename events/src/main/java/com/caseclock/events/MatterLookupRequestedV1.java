package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Command: look a matter up in Clio (e.g. one the cache does not know yet) and publish what is found on
 * {@link Topic#MATTER_CHANGED}; answered by {@link MatterLookupAnsweredV1} with the same {@code lookupId}.
 * CloudEvents type {@code com.caseclock.connector.matter-lookup.requested.v1} on {@link Topic#CONNECTOR_COMMAND},
 * key and subject {@code <firmId>}.
 *
 * @param eventId       unique event id (de-dup key, ce_id)
 * @param firmId        tenant id
 * @param occurredAt    when it was requested, UTC
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param lookupId      correlation id, not {@code null}
 * @param query         display number or free text, 1..200 characters
 * @param requestedBy   who asked (service name or support user), not {@code null}
 */
public record MatterLookupRequestedV1(
        UUID eventId,
        String firmId,
        Instant occurredAt,
        int schemaVersion,
        UUID lookupId,
        String query,
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
        return EventType.MATTER_LOOKUP_REQUESTED;
    }
}
