package com.caseclock.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's connection to Clio changed state. CloudEvents type
 * {@code com.caseclock.connector.connection-status.changed.v1} on {@link Topic#CONNECTION_STATUS}, key
 * {@code <firmId>:<userId>}, subject {@code <userId>}.
 *
 * @param eventId              unique event id (de-dup key, ce_id)
 * @param firmId               tenant id
 * @param occurredAt           when the state changed, UTC
 * @param schemaVersion        always {@link #SCHEMA_VERSION}
 * @param userId               CaseClock user id, not {@code null}
 * @param state                new state, not {@code null}
 * @param region               Clio data region: {@code "US"}, {@code "EU"}, {@code "CA"} or {@code "AU"}; {@code null}
 *                             if never connected
 * @param clioUserId           the user's Clio user id, or {@code null} if unknown
 * @param clioAccountId        the firm's Clio account id, or {@code null} if unknown
 * @param reason               why (plain words, e.g. "Clio rejected the saved sign-in"), or {@code null}
 * @param lastSuccessfulSyncAt last time a call to Clio succeeded for this user, UTC, or {@code null} if never
 */
public record ConnectionStatusChangedV1(
        UUID eventId,
        String firmId,
        Instant occurredAt,
        int schemaVersion,
        String userId,
        ConnectionState state,
        String region,
        Long clioUserId,
        Long clioAccountId,
        String reason,
        Instant lastSuccessfulSyncAt) implements DomainEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /** {@inheritDoc} Format {@code <firmId>:<userId>}. */
    @Override
    public String kafkaKey() {
        return EventKeys.connection(firmId, userId);
    }

    /** {@inheritDoc} The CaseClock user id. */
    @Override
    public String subject() {
        return Objects.requireNonNull(userId, "userId");
    }

    /** {@inheritDoc} */
    @Override
    public EventType type() {
        return EventType.CONNECTION_STATUS_CHANGED;
    }
}
