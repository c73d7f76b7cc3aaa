package com.caseclock.events;

/** How an activity description (activity type) in Clio is priced. */
public enum ActivityRateType {
    /** The user's (or matter's) hourly rate applies; the activity carries no rate of its own. */
    USER,
    /** A flat amount per entry. */
    FLAT_RATE,
    /** A custom hourly rate for this activity. */
    CUSTOM
}
