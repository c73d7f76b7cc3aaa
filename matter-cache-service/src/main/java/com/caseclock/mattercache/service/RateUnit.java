package com.caseclock.mattercache.service;

/** What a rate amount means. */
public enum RateUnit {
    /** Money per hour of the entry's duration. */
    PER_HOUR,
    /** A flat amount for the entry, whatever its duration. */
    FLAT,
    /** A contingency fee: a percentage of the award, no hourly rate. */
    CONTINGENCY
}
