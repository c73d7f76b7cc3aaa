package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A previously approved time entry was voided (deleted or un-approved); the connector deletes the Clio activity.
 * CloudEvents type {@code com.caseclock.timeentry.voided.v1} on {@link Topic#TIME_ENTRY_APPROVAL}, key and subject
 * {@code <timeEntryId>}.
 *
 * @param eventId       unique event id (de-dup key, ce_id)
 * @param firmId        tenant id
 * @param occurredAt    when the entry was voided, UTC
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param timeEntryId   CaseClock time entry id, not {@code null}
 * @param userId        CaseClock user id of the entry's owner, not {@code null}
 * @param revision      entry revision of the void (at least 1), higher than any approval before it
 * @param reason        why, in plain words, or {@code null}
 * @param voidedBy      CaseClock user id of whoever voided it, not {@code null}
 */
public record TimeEntryVoidedV1(
        UUID eventId,
        String firmId,
        Instant occurredAt,
        int schemaVersion,
        UUID timeEntryId,
        String userId,
        long revision,
        String reason,
        String voidedBy) implements TimeEntryApprovalEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /** {@inheritDoc} The time entry id. */
    @Override
    public String kafkaKey() {
        return EventKeys.timeEntry(timeEntryId);
    }

    /** {@inheritDoc} The time entry id. */
    @Override
    public String subject() {
        return EventKeys.timeEntry(timeEntryId);
    }

    /** {@inheritDoc} */
    @Override
    public EventType type() {
        return EventType.TIME_ENTRY_VOIDED;
    }
}
