package com.caseclock.events;

import java.util.UUID;

/**
 * The events on {@link Topic#TIME_ENTRY_APPROVAL}: {@link TimeEntryApprovedV1}, {@link TimeEntryApprovalUpdatedV1}
 * and {@link TimeEntryVoidedV1}. All three are keyed by the time entry id and carry its revision, so a consumer
 * can drop anything older than the last revision it applied.
 */
public interface TimeEntryApprovalEvent extends DomainEvent {

    /**
     * CaseClock time entry id (also the Kafka key and the CloudEvents subject).
     *
     * @return the time entry id
     */
    UUID timeEntryId();

    /**
     * CaseClock user id of the lawyer who owns the entry.
     *
     * @return the user id
     */
    String userId();

    /**
     * Entry revision; increases with each change of the entry.
     *
     * @return the revision, at least 1
     */
    long revision();
}
