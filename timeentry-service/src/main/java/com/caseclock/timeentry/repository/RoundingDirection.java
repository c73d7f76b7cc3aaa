package com.caseclock.timeentry.repository;

/** How the billable-time preview rounds a duration to the firm's increment. */
public enum RoundingDirection {
    /** To the next increment (Clio's usual behaviour). */
    UP,
    /** To the nearest increment, halves up. */
    NEAREST,
    /** To the previous increment. */
    DOWN
}
