package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Outcome of pushing one approval event ({@link TimeEntryApprovalEvent}) to Clio. CloudEvents type
 * {@code com.caseclock.connector.time-entry.sync-result.v1} on {@link Topic#TIME_ENTRY_SYNC_RESULT}, key and subject
 * {@code <timeEntryId>}.
 *
 * @param eventId             unique event id (de-dup key, ce_id)
 * @param firmId              tenant id
 * @param occurredAt          when the push finished, UTC
 * @param schemaVersion       always {@link #SCHEMA_VERSION}
 * @param timeEntryId         CaseClock time entry id, not {@code null}
 * @param userId              CaseClock user id of the entry's owner, not {@code null}
 * @param sourceEventId       {@link DomainEvent#eventId()} of the approval event this answers, not {@code null}
 * @param revision            entry revision of that approval event
 * @param outcome             result, not {@code null}
 * @param clioActivityId      Clio activity id, {@code null} if none was created
 * @param clioQuantitySeconds duration Clio stored, in seconds, or {@code null} if unknown
 * @param clioPrice           hourly rate Clio applied, or {@code null} if unknown
 * @param clioTotal           total Clio computed for the activity, or {@code null} if unknown
 * @param billed              whether the Clio activity is already on a bill, or {@code null} if unknown
 * @param expectedRate        hourly rate CaseClock expected (copied from the approval), or {@code null}
 * @param rateMismatch        {@code true} if both {@code clioPrice} and {@code expectedRate} are known and differ
 *                            in value
 * @param failure             why it failed; non-{@code null} if and only if {@code outcome} is
 *                            {@link SyncOutcome#FAILED}
 */
public record TimeEntrySyncResultV1(
        UUID eventId,
        String firmId,
        Instant occurredAt,
        int schemaVersion,
        UUID timeEntryId,
        String userId,
        UUID sourceEventId,
        long revision,
        SyncOutcome outcome,
        Long clioActivityId,
        Long clioQuantitySeconds,
        Money clioPrice,
        Money clioTotal,
        Boolean billed,
        Money expectedRate,
        boolean rateMismatch,
        SyncFailure failure) implements DomainEvent {

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
        return EventType.TIME_ENTRY_SYNC_RESULT;
    }
}
