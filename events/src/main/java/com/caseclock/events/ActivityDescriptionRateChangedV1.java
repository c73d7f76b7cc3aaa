package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A Clio activity description (activity type) or its rate changed. CloudEvents type
 * {@code com.caseclock.clio.activity-description-rate.changed.v1} on {@link Topic#RATE_CHANGED}, key
 * {@code <firmId>:activity-description:<clioId>}, subject {@code <clioId>}.
 *
 * @param eventId       unique event id (de-dup key, ce_id)
 * @param firmId        tenant id
 * @param occurredAt    when the connector observed the change, UTC
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param clioId        Clio activity description id (positive)
 * @param name          activity description name, not {@code null}
 * @param rateType      how the activity is priced, not {@code null}
 * @param rate          for {@link ActivityRateType#CUSTOM} the hourly rate, for {@link ActivityRateType#FLAT_RATE}
 *                      the flat amount; {@code null} when {@link ActivityRateType#USER} (required otherwise)
 * @param clioUpdatedAt Clio's {@code updated_at}, UTC, not {@code null}
 * @param clioEtag      Clio's ETag, {@code null} if Clio sent none
 */
public record ActivityDescriptionRateChangedV1(
        UUID eventId,
        String firmId,
        Instant occurredAt,
        int schemaVersion,
        long clioId,
        String name,
        ActivityRateType rateType,
        Money rate,
        Instant clioUpdatedAt,
        String clioEtag) implements DomainEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /** {@inheritDoc} Format {@code <firmId>:activity-description:<clioId>}. */
    @Override
    public String kafkaKey() {
        return EventKeys.activityDescriptionRate(firmId, clioId);
    }

    /** {@inheritDoc} The Clio activity description id. */
    @Override
    public String subject() {
        return Long.toString(clioId);
    }

    /** {@inheritDoc} */
    @Override
    public EventType type() {
        return EventType.ACTIVITY_DESCRIPTION_RATE_CHANGED;
    }
}
