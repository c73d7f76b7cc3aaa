package com.caseclock.events;

/** Result of a matter lookup in Clio. */
public enum LookupOutcome {
    /** At least one matter matched; they were (re)published on {@link Topic#MATTER_CHANGED}. */
    FOUND,
    /** Nothing matched. */
    NOT_FOUND,
    /** The lookup could not be done (e.g. Clio unavailable); see the message. */
    FAILED
}
