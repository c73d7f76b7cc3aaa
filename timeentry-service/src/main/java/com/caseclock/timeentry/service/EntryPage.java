package com.caseclock.timeentry.service;

import java.time.LocalDate;
import java.util.List;

import com.caseclock.timeentry.repository.TimeEntry;

/**
 * One page of entries plus totals over every matching entry (not only the page).
 *
 * @param items      the entries of the page
 * @param page       page number, 0-based
 * @param size       page size
 * @param totalItems number of matching entries
 * @param perDay     seconds per work date, ascending
 * @param perWeek    seconds per ISO week (Monday start), ascending
 */
public record EntryPage(List<TimeEntry> items, int page, int size, long totalItems, List<DayTotal> perDay,
        List<WeekTotal> perWeek) {

    /**
     * @param date    work date
     * @param seconds total raw duration in whole seconds
     */
    public record DayTotal(LocalDate date, long seconds) {
    }

    /**
     * @param weekStart the Monday of the ISO week
     * @param seconds   total raw duration in whole seconds
     */
    public record WeekTotal(LocalDate weekStart, long seconds) {
    }
}
