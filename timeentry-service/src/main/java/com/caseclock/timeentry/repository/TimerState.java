package com.caseclock.timeentry.repository;

/** State of a timer. */
public enum TimerState {
    /** Counting: elapsed grows from {@code runningSince}. */
    RUNNING,
    /** Not counting; elapsed is {@code accumulatedSeconds}. */
    PAUSED,
    /** Done; its time went into a draft entry. */
    STOPPED
}
