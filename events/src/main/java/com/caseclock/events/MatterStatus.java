package com.caseclock.events;

/** Status of a Clio matter. */
public enum MatterStatus {
    /** Open: time can be recorded. */
    OPEN,
    /** Pending: not yet open in Clio; time can be recorded. */
    PENDING,
    /** Closed: Clio rejects new time entries. */
    CLOSED
}
