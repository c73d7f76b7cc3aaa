package com.caseclock.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A Clio user's default hourly rate or group membership changed. CloudEvents type
 * {@code com.caseclock.clio.user-rate.changed.v1} on {@link Topic#RATE_CHANGED}, key
 * {@code <firmId>:user:<userClioId>}, subject {@code <userClioId>}.
 *
 * @param eventId       unique event id (de-dup key, ce_id)
 * @param firmId        tenant id
 * @param occurredAt    when the connector observed the change, UTC
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param userClioId    Clio user id (positive)
 * @param userName      the user's name, not {@code null}
 * @param defaultRate   the user's default hourly rate, {@code null} if none is set
 * @param groupClioIds  Clio ids of the groups the user belongs to (group rates apply through them), not
 *                      {@code null}, may be empty; copied to an unmodifiable list
 * @param clioUpdatedAt Clio's {@code updated_at} of the user, UTC, not {@code null}
 * @param clioEtag      Clio's ETag, {@code null} if Clio sent none
 */
public record UserRateChangedV1(
        UUID eventId,
        String firmId,
        Instant occurredAt,
        int schemaVersion,
        long userClioId,
        String userName,
        Money defaultRate,
        List<Long> groupClioIds,
        Instant clioUpdatedAt,
        String clioEtag) implements DomainEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Copies {@code groupClioIds} defensively.
     *
     * @param eventId see the record description
     * @param firmId see the record description
     * @param occurredAt see the record description
     * @param schemaVersion see the record description
     * @param userClioId see the record description
     * @param userName see the record description
     * @param defaultRate see the record description
     * @param groupClioIds see the record description
     * @param clioUpdatedAt see the record description
     * @param clioEtag see the record description
     */
    public UserRateChangedV1 {
        groupClioIds = Lists.copy(groupClioIds);
    }

    /** {@inheritDoc} Format {@code <firmId>:user:<userClioId>}. */
    @Override
    public String kafkaKey() {
        return EventKeys.userRate(firmId, userClioId);
    }

    /** {@inheritDoc} The Clio user id. */
    @Override
    public String subject() {
        return Long.toString(userClioId);
    }

    /** {@inheritDoc} */
    @Override
    public EventType type() {
        return EventType.USER_RATE_CHANGED;
    }
}
