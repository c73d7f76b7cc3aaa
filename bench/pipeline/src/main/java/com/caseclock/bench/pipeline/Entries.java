package com.caseclock.bench.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Time-entry calls of timeentry-service used by the scenarios (blocking, through {@link Api}). */
final class Entries {
    /** A draft as created: id and current version (for {@code If-Match} / bulk approval). */
    record Draft(String id, long version) {
    }

    private final Api api;
    private final String base;

    Entries(Api api, String timeentryUrl) {
        this.api = api;
        this.base = timeentryUrl + "/api/v1/time-entries";
    }

    Draft create(BenchFirm f, long matterId, int durationSeconds, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("matterId", matterId);
        body.put("durationSeconds", durationSeconds);
        body.put("note", note);
        JsonNode e = api.post(base, f.token(), body).ok("create entry").body();
        return new Draft(e.path("id").asText(), e.path("version").asLong());
    }

    /** Bulk approval (≤ 500), all or nothing; throws unless 200. */
    void approveAll(BenchFirm f, List<Draft> drafts) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Draft d : drafts) items.add(Map.of("id", d.id(), "version", d.version()));
        api.post(base + "/approvals", f.token(), Map.of("entries", items)).ok("bulk approval");
    }

    /** Approves one draft ({@code POST /{id}/approve} with {@code If-Match}); throws unless 200. */
    void approve(BenchFirm f, Draft d) {
        Api.Reply r = api.call("POST", base + "/" + d.id() + "/approve", f.token(), null, "\"" + d.version() + "\"");
        if (r.status() != 200) throw new IllegalStateException("approve answered " + r.status() + " " + r.body());
    }

    /**
     * @return when timeentry-service applied the SYNCED result of the entry (its audit row
     *         {@code SYNC_RESULT_APPLIED} with status SYNCED, written with the service's clock), or null if none yet
     */
    Instant syncedAt(BenchFirm f, String id) {
        for (JsonNode a : audit(f, id)) {
            if (a.path("action").asText().equals("SYNC_RESULT_APPLIED")
                    && a.path("details").path("status").asText().equals("SYNCED")) {
                return Instant.parse(a.path("at").asText());
            }
        }
        return null;
    }

    String status(BenchFirm f, String id) {
        return api.get(base + "/" + id, f.token()).ok("get entry").body().path("status").asText();
    }

    /** @return how many of the caller's entries have this status */
    long count(BenchFirm f, String status) {
        return api.get(base + "?size=1&status=" + status, f.token()).ok("list entries").body().path("totalItems")
                .asLong();
    }

    /** @return the audit trail of an entry (array of {@code at, actor, action, details}) */
    JsonNode audit(BenchFirm f, String id) {
        return api.get(base + "/" + id + "/audit", f.token()).ok("audit").body();
    }
}
