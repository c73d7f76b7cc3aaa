package com.caseclock.timeentry.repository;

import java.time.LocalDate;

/**
 * Filters of the entry list; every {@code null} component means "any".
 *
 * @param firmId     the firm (always set)
 * @param userId     the owner, or {@code null} for the whole firm (firm admins only)
 * @param from       first work date, inclusive
 * @param to         last work date, inclusive
 * @param status     status
 * @param matterId   Clio matter id
 * @param unassigned {@code true}: only entries without a matter
 */
public record EntryFilter(String firmId, String userId, LocalDate from, LocalDate to, EntryStatus status,
        Long matterId, boolean unassigned) {
}
