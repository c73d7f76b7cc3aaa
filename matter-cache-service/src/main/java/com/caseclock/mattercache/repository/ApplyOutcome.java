package com.caseclock.mattercache.repository;

/** What an upsert or delete of a projection row did. */
public enum ApplyOutcome {
    /** The row was inserted, updated or deleted. */
    APPLIED,
    /** The event was older than (or as old as) the stored state or a deletion marker, and changed nothing. */
    STALE
}
