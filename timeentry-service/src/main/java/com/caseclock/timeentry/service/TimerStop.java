package com.caseclock.timeentry.service;

import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.repository.Timer;

/**
 * What stopping a timer did.
 *
 * @param timer the stopped timer
 * @param entry the draft created or extended
 */
public record TimerStop(Timer timer, TimeEntry entry) {
}
