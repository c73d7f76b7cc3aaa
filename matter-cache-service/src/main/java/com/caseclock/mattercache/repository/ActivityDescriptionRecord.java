package com.caseclock.mattercache.repository;

import com.caseclock.events.ActivityRateType;
import com.caseclock.events.Money;

/**
 * An activity description (category) and its rate (from {@code ActivityDescriptionRateChangedV1}).
 *
 * @param clioId   Clio activity description id
 * @param name     its name
 * @param rateType how it is priced
 * @param rate     per hour for {@link ActivityRateType#CUSTOM}, flat amount for {@link ActivityRateType#FLAT_RATE},
 *                 {@code null} for {@link ActivityRateType#USER}
 */
public record ActivityDescriptionRecord(long clioId, String name, ActivityRateType rateType, Money rate) {
}
