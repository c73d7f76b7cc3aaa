package com.caseclock.mattercache.repository;

import com.caseclock.events.Money;

/**
 * A client (contact) custom rate (from {@code ClientRateChangedV1}).
 *
 * @param clioId        Clio id of the rate record
 * @param contactClioId the client's Clio contact id
 * @param userClioId    user it applies to, or {@code null}
 * @param groupClioId   group it applies to, or {@code null} (both {@code null}: everyone)
 * @param rate          per hour, or a flat amount if {@code flatRate}
 * @param flatRate      whether {@code rate} is a flat amount
 */
public record ClientRateRecord(long clioId, long contactClioId, Long userClioId, Long groupClioId, Money rate,
        boolean flatRate) {
}
