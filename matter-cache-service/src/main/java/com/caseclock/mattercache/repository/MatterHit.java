package com.caseclock.mattercache.repository;

import com.caseclock.events.MatterStatus;

/**
 * One matter search result.
 *
 * @param clioId        Clio matter id
 * @param displayNumber Clio display number
 * @param description   description
 * @param status        status
 * @param clientClioId  client's Clio contact id, or {@code null}
 * @param clientName    client name, or {@code null}
 * @param billable      billable by default
 * @param match         why it matched, which is also its rank group
 * @param score         for {@link MatchKind#FUZZY} matches the pg_trgm word similarity of the query to the matter's
 *                      search text (0..1; informative, results are in display number order within a rank); 0 for
 *                      exact and prefix matches
 */
public record MatterHit(long clioId, String displayNumber, String description, MatterStatus status,
        Long clientClioId, String clientName, boolean billable, MatchKind match, double score) {
}
