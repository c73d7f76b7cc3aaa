package com.caseclock.timeentry.service;

import java.time.LocalDate;

import com.caseclock.service.problem.ProblemException;

/**
 * The range of work dates the API accepts: four-digit years ({@code yyyy-MM-dd}, as in the event schemas) from 1900
 * on. Outside it a date is a typo ({@code 0025-03-14}) or junk, and far outside it PostgreSQL cannot even store it.
 */
public final class WorkDates {

    /** Earliest accepted work date. */
    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    /** Latest accepted work date. */
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);

    private WorkDates() {
    }

    /**
     * @param field the field or parameter name, for the error
     * @param date  a date, or {@code null}
     * @return the date
     * @throws ProblemException 400 naming the field when the date is outside {@link #MIN}..{@link #MAX}
     */
    public static LocalDate check(String field, LocalDate date) {
        if (date != null && (date.isBefore(MIN) || date.isAfter(MAX))) {
            throw ProblemException.badRequest(field, "must be between " + MIN + " and " + MAX);
        }
        return date;
    }
}
