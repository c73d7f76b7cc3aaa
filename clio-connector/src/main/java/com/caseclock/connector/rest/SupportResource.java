package com.caseclock.connector.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.caseclock.connector.support.Diagnostics;
import com.caseclock.connector.support.FailedEvent;
import com.caseclock.connector.support.FailedEventService;
import com.caseclock.connector.support.FailureExplainer;
import com.caseclock.connector.support.MatterRepairs;
import com.caseclock.events.EventKeys;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.CurrentCaller;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The support API of the connector (issue 10): failed sync events (search, show with history, replay, resolve),
 * matter-side repairs (full re-sync of a firm, look-up of one matter) and the connector's part of a diagnostics
 * bundle. Role {@code support} sees every firm; a firm administrator only their own firm (another firm's records and
 * firm answer 404); lawyers get 403 (except their own diagnostics). Bad input answers 400 problem+json naming the
 * parameter. See docs/runbook.md, "Support tooling".
 */
@Path("/api/v1/support")
@Produces(MediaType.APPLICATION_JSON)
public class SupportResource {

    /** Earliest {@code from}/{@code to} accepted (inclusive). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Latest {@code from}/{@code to} accepted (exclusive). */
    static final Instant LATEST = java.time.LocalDate.of(10_000, 1, 1).atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant();

    private static final java.util.Set<String> LIST_PARAMS = java.util.Set.of("firmId", "userId", "entryId",
            "matterId", "reason", "from", "to", "state", "page", "size");

    /** Largest page size. */
    public static final int MAX_PAGE_SIZE = 200;

    private final FailedEventService failedEvents;
    private final MatterRepairs repairs;
    private final Diagnostics diagnostics;
    private final CurrentCaller caller;

    SupportResource(FailedEventService failedEvents, MatterRepairs repairs, Diagnostics diagnostics,
            CurrentCaller caller) {
        this.failedEvents = failedEvents;
        this.repairs = repairs;
        this.diagnostics = diagnostics;
        this.caller = caller;
    }

    /**
     * Body of a filtered replay: the list filters (all optional, state defaults to OPEN) and how many at most.
     *
     * @param limit at most this many events, 1..500, default 100
     */
    public record ReplayRequest(String firmId, String userId, String entryId, Long matterId, String reason,
            String from, String to, String state, Integer limit) {
    }

    /** @param comment why the event needs nothing more, 1..2,000 characters */
    public record ResolveRequest(String comment) {
    }

    /** @param includeClosedMatters include closed matters (default false) */
    public record ResyncRequest(Boolean includeClosedMatters) {
    }

    /**
     * What to look for: one of the three (the first given wins).
     *
     * @param query         a display number or part of a name
     * @param displayNumber the matter's display number, e.g. {@code 00042-Hale}
     * @param name          part of the matter's name (description)
     */
    public record LookupRequest(String query, String displayNumber, String name) {

        /** @return the text to look up, or null */
        String text() {
            return query != null ? query : displayNumber != null ? displayNumber : name;
        }
    }

    /**
     * A lookup's answer.
     *
     * @param lookupId the lookup
     * @param status   PENDING until the connector answered, then ANSWERED
     * @param answer   the {@code MatterLookupAnsweredV1} payload (outcome FOUND, NOT_FOUND or FAILED and the Clio
     *                 matter ids), when answered
     */
    public record LookupAnswer(UUID lookupId, String status, JsonNode answer) {
    }

    /** Lists failed events, newest failure first. */
    @GET
    @Path("/failures")
    @Operation(summary = "Search failed sync events", description = "Filters: firmId, userId, entryId, matterId, "
            + "reason, from/to (ISO-8601 UTC, on the last failure), state (OPEN, REPLAYED, RESOLVED); paged.")
    public FailedEvent.Page list(@QueryParam("firmId") String firmId, @QueryParam("userId") String userId,
            @QueryParam("entryId") String entryId, @QueryParam("matterId") String matterId,
            @QueryParam("reason") String reason, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("state") String state, @QueryParam("page") String page, @QueryParam("size") String size,
            @Context UriInfo uri) {
        // The REST layer hands an empty parameter (?state=) over as null; refuse it instead of ignoring the filter.
        uri.getQueryParameters().forEach((name, values) -> {
            if (LIST_PARAMS.contains(name) && values.stream().anyMatch(v -> v == null || v.isBlank())) {
                throw ProblemException.badRequest(name, "must not be empty");
            }
        });
        FailedEvent.Filter filter = filter(firmId, userId, entryId, matterId == null ? null : number("matterId",
                nonEmpty("matterId", matterId)), reason, from, to, state);
        int p = integer("page", page, 0, 0, 1_000_000);
        int s = integer("size", size, 50, 1, MAX_PAGE_SIZE);
        return failedEvents.search(caller.get(), filter, p, s);
    }

    /** One failed event with its history. */
    @GET
    @Path("/failures/{id}")
    @Operation(summary = "One failed sync event with its history")
    public FailedEvent.Detail show(@PathParam("id") String id) {
        return failedEvents.show(caller.get(), id(id));
    }

    /** Republishes one failed event to its original topic. */
    @POST
    @Path("/failures/{id}/replay")
    @Operation(summary = "Replay one failed event", description = "Republishes the original event to its original "
            + "topic with a caseclock-replay-of header; posting's exactly-once rules keep Clio to one activity.")
    public Response replay(@PathParam("id") String id) {
        return Response.accepted(failedEvents.replay(caller.get(), id(id))).build();
    }

    /** Republishes every failed event matching a filter. */
    @POST
    @Path("/failures/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay the failed events matching a filter (state defaults to OPEN)")
    public Response replayMatching(ReplayRequest request) {
        ReplayRequest r = request == null ? new ReplayRequest(null, null, null, null, null, null, null, null, null)
                : request;
        FailedEvent.Filter filter = filter(r.firmId(), r.userId(), r.entryId(), r.matterId(), r.reason(), r.from(),
                r.to(), r.state());
        if (filter.firmId() == null && filter.userId() == null && filter.entryId() == null
                && filter.matterId() == null && filter.reasonCode() == null && filter.from() == null
                && filter.to() == null) {
            throw ProblemException.badRequest("filter", "give at least one of firmId, userId, entryId, matterId, "
                    + "reason, from or to; a replay of every failure is refused");
        }
        int limit = r.limit() == null ? 100 : r.limit();
        if (limit < 1 || limit > FailedEventService.MAX_BULK_REPLAY) {
            throw ProblemException.badRequest("limit", "must be 1 to " + FailedEventService.MAX_BULK_REPLAY);
        }
        return Response.accepted(failedEvents.replayMatching(caller.get(), filter, limit)).build();
    }

    /** Marks a failed event resolved with a comment. */
    @POST
    @Path("/failures/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a failed event resolved, with a comment")
    public FailedEvent.Detail resolve(@PathParam("id") String id, ResolveRequest request) {
        UUID failedEventId = id(id);
        String comment = request == null || request.comment() == null ? "" : request.comment().strip();
        if (comment.isEmpty() || comment.length() > 2000
                || comment.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw ProblemException.badRequest("comment", "1 to 2000 characters, no control characters");
        }
        return failedEvents.resolve(caller.get(), failedEventId, comment);
    }

    /** Forces a full re-sync of a firm. */
    @POST
    @Path("/firms/{firmId}/resync")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Force a full re-sync of a firm's matters, clients and rates")
    public Response resync(@PathParam("firmId") String firmId, ResyncRequest request) {
        boolean closed = request != null && Boolean.TRUE.equals(request.includeClosedMatters());
        return Response.accepted(repairs.resync(caller.get(), firmId(firmId), closed)).build();
    }

    /** Looks one matter up in Clio. */
    @POST
    @Path("/firms/{firmId}/matter-lookups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Look up one matter in Clio by display number or name")
    public Response lookup(@PathParam("firmId") String firmId, LookupRequest request) {
        return Response.accepted(repairs.lookup(caller.get(), firmId(firmId), request == null ? null : request.text()))
                .build();
    }

    /** A lookup's answer, once the connector has one. */
    @GET
    @Path("/firms/{firmId}/matter-lookups/{lookupId}")
    @Operation(summary = "The answer to a matter lookup (PENDING until answered; 404 for a lookup this firm never "
            + "asked)")
    public LookupAnswer lookupAnswer(@PathParam("firmId") String firmId, @PathParam("lookupId") String lookupId) {
        String firm = firmId(firmId);
        UUID id = uuid("lookupId", lookupId);
        return repairs.lookupAnswer(caller.get(), firm, id).map(a -> new LookupAnswer(id, "ANSWERED", a))
                .orElse(new LookupAnswer(id, "PENDING", null));
    }

    /** The connector's part of a diagnostics bundle, as a JSON download. */
    @GET
    @Path("/diagnostics")
    @Operation(summary = "Diagnostics bundle (connector part)", description = "Connection status and region, last "
            + "sync per resource, webhooks, recent failures, an entry's posting timeline; never tokens or secrets.")
    public Response diagnostics(@QueryParam("firmId") String firmId, @QueryParam("userId") String userId,
            @QueryParam("entryId") String entryId) {
        Diagnostics.Bundle bundle = diagnostics.bundle(caller.get(), firmId(firmId), text("userId", userId),
                entryId == null ? null : uuid("entryId", entryId));
        String name = "clio-connector-diagnostics-" + bundle.firmId().replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
                + bundle.generatedAt().getEpochSecond() + ".json";
        return Response.ok(bundle).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    // --- parameter parsing (400 problem+json naming the parameter) --------------------------------------------------

    private static FailedEvent.Filter filter(String firmId, String userId, String entryId, Long matterId,
            String reason, String from, String to, String state) {
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (f != null && t != null && !f.isBefore(t)) {
            throw ProblemException.badRequest("from", "must be before to");
        }
        String code = reason == null ? null : nonEmpty("reason", reason).strip().toUpperCase(Locale.ROOT);
        if (code != null && !FailureExplainer.codes().contains(code)) {
            throw ProblemException.badRequest("reason", "one of " + String.join(", ", FailureExplainer.codes()));
        }
        FailedEvent.State s;
        try {
            s = state == null ? null
                    : FailedEvent.State.valueOf(nonEmpty("state", state).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state", "one of OPEN, REPLAYED, RESOLVED");
        }
        if (matterId != null && matterId < 1) {
            throw ProblemException.badRequest("matterId", "a positive Clio matter id");
        }
        return new FailedEvent.Filter(firmId(firmId), text("userId", userId),
                entryId == null ? null : uuid("entryId", entryId), matterId, code, f, t, s);
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Failed event " + sanitize(id));
        }
    }

    private static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant at = Instant.parse(nonEmpty(name, value).strip());
            if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
                throw ProblemException.badRequest(name, "must be in the years 2000 to 9999");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 UTC instant, e.g. 2026-11-29T17:00:00Z");
        }
    }

    /**
     * A firm id: absent (null) or matching the event schemas' pattern ({@link EventKeys#FIRM_ID_PATTERN}), so a firm
     * id no event could carry answers 400 here instead of failing when the command is published.
     */
    private static String firmId(String value) {
        if (value == null) {
            return null;
        }
        if (!EventKeys.isValidFirmId(nonEmpty("firmId", value))) {
            throw ProblemException.badRequest("firmId", "1 to 64 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit");
        }
        return value;
    }

    /** Refuses a parameter given empty ({@code ?state=}) instead of silently ignoring it. */
    private static String nonEmpty(String name, String value) {
        if (value != null && value.isBlank()) {
            throw ProblemException.badRequest(name, "must not be empty");
        }
        return value;
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
    }

    private static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        long n = number(name, value);
        if (n < min || n > max) {
            throw ProblemException.badRequest(name, "must be " + min + " to " + max);
        }
        return (int) n;
    }

    private static String text(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw ProblemException.badRequest(name, "must not be empty");
        }
        if (value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(name, "1 to 200 characters without control characters");
        }
        return value;
    }

    private static String sanitize(String value) {
        String v = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }

}
