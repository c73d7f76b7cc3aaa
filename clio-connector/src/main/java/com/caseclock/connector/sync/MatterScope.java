package com.caseclock.connector.sync;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.caseclock.connector.config.ConnectorConfig;

/**
 * Which matters a complete listing of matters covers, as filters of Clio's {@code GET /matters.json}: {@code status}
 * (lower case, comma-separated) and {@code close_date[]} with an operator prefix (OpenAPI
 * {@code paths["/matters.json"].get.parameters}; NOTES.md §5). Clio's filters cannot express "open, pending, or closed
 * since D" in one request, so such a listing runs as two cursor-paged listings one after the other: {@code
 * status=open,pending}, then {@code status=closed&close_date[]=>=D}.
 *
 * @param closedSince {@code null}: every matter ({@link #ALL}) or, with {@code openOnly}, no closed matter; else closed
 *                    matters whose close date is on or after this date
 * @param openOnly    open and pending matters only
 */
public record MatterScope(LocalDate closedSince, boolean openOnly) {

    /** Every matter: one listing without filters. */
    public static final MatterScope ALL = new MatterScope(null, false);

    /** Open and pending matters only (a re-sync without closed matters). */
    public static final MatterScope OPEN_ONLY = new MatterScope(null, true);

    private static final String OPEN_FILTER = "&status=" + encode("open,pending");

    /**
     * @param sync  the sync configuration ({@code connector.sync.closed-matters}, {@code closed-matters-days})
     * @param today today's date (UTC)
     * @return the configured scope
     */
    public static MatterScope configured(ConnectorConfig.Sync sync, LocalDate today) {
        return sync.closedMatters() == ConnectorConfig.ClosedMatters.ALL ? ALL
                : new MatterScope(today.minusDays(Math.max(0, sync.closedMattersDays())), false);
    }

    /** @return whether a complete listing in this scope sees every matter Clio has */
    public boolean everyMatter() {
        return closedSince == null && !openOnly;
    }

    /** @return the query filters of the listings, in order (each starts with {@code &}; empty for no filter) */
    public List<String> filters() {
        if (everyMatter()) {
            return List.of("");
        }
        if (openOnly) {
            return List.of(OPEN_FILTER);
        }
        return List.of(OPEN_FILTER, "&status=closed&" + encode("close_date[]") + "=" + encode(">=" + closedSince));
    }

    /** @return the form kept in the sync bookkeeping: {@code all}, {@code open} or {@code closed-since:YYYY-MM-DD} */
    public String encoded() {
        return everyMatter() ? "all" : openOnly ? "open" : "closed-since:" + closedSince;
    }

    /**
     * @param value a value of {@link #encoded()}, or {@code null} (a pass recorded before scopes existed)
     * @return the scope
     */
    public static MatterScope decode(String value) {
        if (value == null || value.equals("all")) {
            return ALL;
        }
        if (value.equals("open")) {
            return OPEN_ONLY;
        }
        return new MatterScope(LocalDate.parse(value.substring("closed-since:".length())), false);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
