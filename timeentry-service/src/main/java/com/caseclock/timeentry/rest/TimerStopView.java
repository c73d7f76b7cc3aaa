package com.caseclock.timeentry.rest;

/**
 * Answer of stopping a timer.
 *
 * @param timer the stopped timer
 * @param entry the draft it created or extended
 */
public record TimerStopView(TimerView timer, TimeEntryView entry) {
}
