package com.caseclock.mattercache.service;

/**
 * Clio's rate precedence for a time entry, highest first, as documented by Clio in "Rates and Rate Hierarchies"
 * (https://help.clio.com/hc/en-us/articles/9289801180187-Rates-and-Rate-Hierarchies-; project notes
 * {@code shared/clio/NOTES.md} §8). When a user matches several rates of one layer (e.g. two group rates on a
 * matter) Clio takes the highest (https://support.clio.com/hc/en-us/articles/203142764, marked out of date by Clio).
 */
public enum RateLayer {
    /** 1. A price typed on the entry itself: never part of a preview. */
    ENTRY_PRICE,
    /** 2. A flat rate: the matter's custom rate is a flat fee, or the activity description is priced flat. */
    FLAT_RATE,
    /** 3. The matter's custom hourly rate for the user, a group of the user (highest), or the whole firm. */
    MATTER_RATE,
    /** 4. The client's custom rate for the user, a group of the user (highest), or everyone. */
    CLIENT_RATE,
    /** 5. The activity description's custom hourly rate (only when an activity description is given). */
    ACTIVITY_RATE,
    /** 6. The user's default hourly rate. */
    USER_DEFAULT
}
