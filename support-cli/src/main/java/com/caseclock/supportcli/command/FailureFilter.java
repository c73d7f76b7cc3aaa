package com.caseclock.supportcli.command;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import picocli.CommandLine.Option;

/** The search options of failed events, shared by {@code list} and {@code replay --matching}. */
public final class FailureFilter {

    @Option(names = "--firm", paramLabel = "FIRM",
            description = "Only this firm (a firm admin always sees only theirs)")
    String firm;

    @Option(names = "--user", paramLabel = "USER", description = "Only this CaseClock user")
    String user;

    @Option(names = "--entry", paramLabel = "ENTRY_ID", description = "Only this time entry")
    UUID entry;

    @Option(names = "--matter", paramLabel = "MATTER_ID", description = "Only this Clio matter id")
    Long matter;

    @Option(names = "--reason", paramLabel = "CODE",
            description = "Only this reason, e.g. VALIDATION_REJECTED, CLIO_UNAVAILABLE, NEEDS_RECONNECT, "
                    + "INVALID_EVENT")
    String reason;

    @Option(names = "--state", paramLabel = "STATE", description = "Only OPEN, REPLAYED or RESOLVED events")
    String state;

    @Option(names = "--from", paramLabel = "INSTANT",
            description = "Last failure at or after, UTC (2026-11-29T00:00:00Z)")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Last failure before, UTC")
    Instant to;

    /** @return whether any filter was given */
    boolean any() {
        return firm != null || user != null || entry != null || matter != null || reason != null || state != null
                || from != null || to != null;
    }

    /** @return the filter as the support API's query parameters ({@code null} = not given) */
    Map<String, Object> query() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("firmId", firm);
        q.put("userId", user);
        q.put("entryId", entry);
        q.put("matterId", matter);
        q.put("reason", reason == null ? null : reason.strip().toUpperCase(Locale.ROOT));
        q.put("state", state == null ? null : state.strip().toUpperCase(Locale.ROOT));
        q.put("from", from);
        q.put("to", to);
        return q;
    }
}
