package com.caseclock.events;

/** Kind of a matter's custom rate in Clio. */
public enum CustomRateType {
    /** Hourly rates per user or group override the defaults; {@link MatterRateEntry#rate()} is per hour. */
    HOURLY_RATE,
    /** Flat fee; {@link MatterRateEntry#rate()} is the flat amount, optionally for one activity description. */
    FLAT_RATE,
    /** Contingency fee; {@link MatterRateEntry#contingencyPercent()} is set. */
    CONTINGENCY_FEE
}
