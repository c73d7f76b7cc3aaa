package com.caseclock.timeentry.service;

import java.time.LocalDate;

import com.caseclock.timeentry.repository.EntryStatus;

/**
 * Filters and page of the entry list.
 *
 * @param from       first work date, inclusive, or {@code null}
 * @param to         last work date, inclusive, or {@code null}
 * @param status     status, or {@code null}
 * @param matterId   Clio matter id, or {@code null}
 * @param unassigned only entries without a matter
 * @param userId     firm admins: one user's entries ({@code null} = the whole firm); ignored for others, who always
 *                   see only their own
 * @param page       page number, 0-based
 * @param size       page size, 1..200
 */
public record EntryQuery(LocalDate from, LocalDate to, EntryStatus status, Long matterId, boolean unassigned,
        String userId, int page, int size) {
}
