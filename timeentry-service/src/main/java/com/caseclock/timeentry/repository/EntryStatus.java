package com.caseclock.timeentry.repository;

/**
 * Life cycle of a time entry.
 *
 * <pre>
 * DRAFT --approve--> APPROVED --result SYNCED--> SYNCED
 *                        |   \--result FAILED--> SYNC_FAILED --later result SYNCED--> SYNCED
 *                        |
 * edit of APPROVED/SYNCED/SYNC_FAILED --> APPROVED (approval-updated event)
 * void of APPROVED/SYNCED/SYNC_FAILED --> VOIDED (final)
 * </pre>
 *
 * {@link #SYNCING} is part of the public vocabulary but this service does not set it: an entry stays
 * {@link #APPROVED} from approval until its first sync result arrives (see the module README).
 */
public enum EntryStatus {
    /** Captured, editable, deletable; nothing sent to Clio. */
    DRAFT,
    /** Approved by the lawyer; an approval event is recorded (and published by the relay). */
    APPROVED,
    /** Reserved: not set by this service (an approved entry stays APPROVED until a result arrives). */
    SYNCING,
    /** Clio stored the activity. */
    SYNCED,
    /** The connector could not store it; see the failure reason. */
    SYNC_FAILED,
    /** Withdrawn after approval; final. */
    VOIDED;

    /** @return {@code true} for states after a first approval that are not final */
    public boolean isApprovedFamily() {
        return this == APPROVED || this == SYNCING || this == SYNCED || this == SYNC_FAILED;
    }
}
