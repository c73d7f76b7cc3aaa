package com.caseclock.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Answer to a {@link MatterLookupRequestedV1}. The matters themselves are published on
 * {@link Topic#MATTER_CHANGED} before this answer. CloudEvents type
 * {@code com.caseclock.connector.matter-lookup.answered.v1} on {@link Topic#MATTER_LOOKUP_RESULT}, key and subject
 * {@code <firmId>}.
 *
 * @param eventId       unique event id (de-dup key, ce_id)
 * @param firmId        tenant id
 * @param occurredAt    when the lookup finished, UTC
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param lookupId      the request's correlation id, not {@code null}
 * @param query         the request's query, 1..200 characters
 * @param outcome       result, not {@code null}
 * @param matterClioIds Clio ids of the matching matters, not {@code null}, empty unless {@link LookupOutcome#FOUND};
 *                      copied to an unmodifiable list
 * @param message       plain-words detail (e.g. why it failed), or {@code null}
 */
public record MatterLookupAnsweredV1(
        UUID eventId,
        String firmId,
        Instant occurredAt,
        int schemaVersion,
        UUID lookupId,
        String query,
        LookupOutcome outcome,
        List<Long> matterClioIds,
        String message) implements DomainEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Copies {@code matterClioIds} defensively.
     *
     * @param eventId see the record description
     * @param firmId see the record description
     * @param occurredAt see the record description
     * @param schemaVersion see the record description
     * @param lookupId see the record description
     * @param query see the record description
     * @param outcome see the record description
     * @param matterClioIds see the record description
     * @param message see the record description
     */
    public MatterLookupAnsweredV1 {
        matterClioIds = Lists.copy(matterClioIds);
    }

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
        return EventType.MATTER_LOOKUP_ANSWERED;
    }
}
