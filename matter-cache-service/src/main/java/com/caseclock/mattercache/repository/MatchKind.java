package com.caseclock.mattercache.repository;

/** How a search result matched the query; results are ranked in this order. */
public enum MatchKind {
    /** The display number equals the query (ignoring case, accents, punctuation and leading zeros of numbers). */
    EXACT,
    /** The display number starts with the query, or every query word starts a word of the record. */
    PREFIX,
    /**
     * Every query word starts, occurs inside or is similar enough (pg_trgm) to a word of the record, looked up in the
     * firm's word dictionary.
     */
    FUZZY;

    static MatchKind ofTier(int tier) {
        return values()[tier];
    }
}
