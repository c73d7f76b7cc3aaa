package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A client (contact) custom rate in Clio was created or changed: the rate a user, a group or everyone bills for
 * that client. CloudEvents type {@code com.caseclock.clio.client-rate.changed.v1} on {@link Topic#RATE_CHANGED},
 * key {@code <firmId>:client-rate:<clioId>}, subject {@code <clioId>}.
 *
 * @param eventId       unique event id (de-dup key, ce_id)
 * @param firmId        tenant id
 * @param occurredAt    when the connector observed the change, UTC
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param clioId        Clio id of the client rate record (positive)
 * @param contactClioId Clio contact id of the client (positive)
 * @param userClioId    Clio user id the rate applies to, or {@code null}
 * @param groupClioId   Clio group id the rate applies to, or {@code null} (both {@code null} = everyone)
 * @param rate          hourly rate, or the flat amount if {@code flatRate}; not {@code null}
 * @param flatRate      {@code true} if {@code rate} is a flat amount rather than per hour
 * @param clioUpdatedAt Clio's {@code updated_at}, UTC, not {@code null}
 * @param clioEtag      Clio's ETag, {@code null} if Clio sent none
 */
public record ClientRateChangedV1(
        UUID eventId,
        String firmId,
        Instant occurredAt,
        int schemaVersion,
        long clioId,
        long contactClioId,
        Long userClioId,
        Long groupClioId,
        Money rate,
        boolean flatRate,
        Instant clioUpdatedAt,
        String clioEtag) implements DomainEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /** {@inheritDoc} Format {@code <firmId>:client-rate:<clioId>}. */
    @Override
    public String kafkaKey() {
        return EventKeys.clientRate(firmId, clioId);
    }

    /** {@inheritDoc} The Clio client rate id. */
    @Override
    public String subject() {
        return Long.toString(clioId);
    }

    /** {@inheritDoc} */
    @Override
    public EventType type() {
        return EventType.CLIENT_RATE_CHANGED;
    }
}
