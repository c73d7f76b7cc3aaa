package com.caseclock.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A lawyer approved a time entry for the first time; the connector creates the Clio activity. CloudEvents type {@code com.caseclock.timeentry.approved.v1} on {@link Topic#TIME_ENTRY_APPROVAL}, key and subject
 * {@code <entry.timeEntryId>}.
 *
 * @param eventId       unique event id (de-dup key, ce_id); answered by {@link TimeEntrySyncResultV1#sourceEventId()}
 * @param firmId        tenant id
 * @param occurredAt    when the approval happened, UTC
 * @param schemaVersion always {@link #SCHEMA_VERSION}
 * @param entry         the approved entry, not {@code null}
 */
public record TimeEntryApprovedV1(UUID eventId, String firmId, Instant occurredAt, int schemaVersion, ApprovedTimeEntry entry)
        implements TimeEntryApprovalEvent {

    /** The schema version of this type. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Creates the event with a random id and {@link #SCHEMA_VERSION}.
     *
     * @param firmId     tenant id
     * @param occurredAt when it happened, UTC
     * @param entry      the approved entry
     * @return the event
     */
    public static TimeEntryApprovedV1 of(String firmId, Instant occurredAt, ApprovedTimeEntry entry) {
        return new TimeEntryApprovedV1(UUID.randomUUID(), firmId, occurredAt, SCHEMA_VERSION, entry);
    }

    /** {@inheritDoc} Same as {@code entry().timeEntryId()}. */
    @Override
    public UUID timeEntryId() {
        return entry.timeEntryId();
    }

    /** {@inheritDoc} Same as {@code entry().userId()}. */
    @Override
    public String userId() {
        return entry.userId();
    }

    /** {@inheritDoc} Same as {@code entry().revision()}. */
    @Override
    public long revision() {
        return entry.revision();
    }

    /** {@inheritDoc} The time entry id. */
    @Override
    public String kafkaKey() {
        return EventKeys.timeEntry(entry.timeEntryId());
    }

    /** {@inheritDoc} The time entry id. */
    @Override
    public String subject() {
        return EventKeys.timeEntry(entry.timeEntryId());
    }

    /** {@inheritDoc} */
    @Override
    public EventType type() {
        return EventType.TIME_ENTRY_APPROVED;
    }
}
