package com.caseclock.timeentry.rest;

import java.util.List;

import com.caseclock.timeentry.service.EntryPage;

/**
 * A page of entries with totals over every match.
 *
 * @param items      entries of this page
 * @param page       page number, 0-based
 * @param size       page size
 * @param totalItems number of matches
 * @param totals     raw seconds per work date and per ISO week (Monday), over all matches
 */
public record EntryPageView(List<TimeEntryView> items, int page, int size, long totalItems, Totals totals) {

    /**
     * @param perDay  seconds per work date, ascending
     * @param perWeek seconds per week, ascending by Monday
     */
    public record Totals(List<EntryPage.DayTotal> perDay, List<EntryPage.WeekTotal> perWeek) {
    }
}
