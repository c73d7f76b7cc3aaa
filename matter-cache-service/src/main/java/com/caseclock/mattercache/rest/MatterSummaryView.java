package com.caseclock.mattercache.rest;

import java.util.Locale;

import com.caseclock.mattercache.repository.MatchKind;
import com.caseclock.mattercache.repository.MatterHit;

/**
 * A matter search result.
 *
 * @param id            Clio matter id
 * @param displayNumber Clio display number
 * @param description   description
 * @param status        {@code open}, {@code pending} or {@code closed}
 * @param clientId      client's Clio contact id, or {@code null}
 * @param clientName    client name, or {@code null}
 * @param billable      billable by default
 * @param match         {@code EXACT}, {@code PREFIX} or {@code FUZZY}: why it matched (results are ranked in this
 *                      order)
 */
public record MatterSummaryView(long id, String displayNumber, String description, String status, Long clientId,
        String clientName, boolean billable, MatchKind match) {

    static MatterSummaryView of(MatterHit h) {
        return new MatterSummaryView(h.clioId(), h.displayNumber(), h.description(),
                h.status().name().toLowerCase(Locale.ROOT), h.clientClioId(), h.clientName(), h.billable(), h.match());
    }
}
