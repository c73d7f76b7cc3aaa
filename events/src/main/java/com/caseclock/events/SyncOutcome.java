package com.caseclock.events;

/** Result of pushing one approval event to Clio. */
public enum SyncOutcome {
    /** The activity exists in Clio as approved (created or updated). */
    SYNCED,
    /** The activity was deleted from Clio (answer to a {@link TimeEntryVoidedV1}). */
    VOIDED,
    /** The push failed; see {@link TimeEntrySyncResultV1#failure()}. */
    FAILED
}
