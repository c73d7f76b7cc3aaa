package com.caseclock.mattercache.repository;

import java.time.Instant;
import java.util.List;

import com.caseclock.events.Money;

/**
 * A Clio user's default rate and groups (from {@code UserRateChangedV1}).
 *
 * @param userClioId    Clio user id
 * @param userName      the user's name
 * @param defaultRate   default rate per hour, or {@code null} if none is set in Clio
 * @param groupClioIds  Clio groups the user belongs to
 * @param clioUpdatedAt Clio {@code updated_at}
 */
public record UserRateRecord(long userClioId, String userName, Money defaultRate, List<Long> groupClioIds,
        Instant clioUpdatedAt) {
}
