package com.caseclock.connector.posting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.caseclock.connector.client.ClioApiClient;
import com.caseclock.connector.client.ClioApiException;
import com.caseclock.connector.client.ClioPage;
import com.caseclock.connector.client.ClioUnavailable;
import com.caseclock.connector.repository.ClioConnection;
import com.caseclock.connector.service.ConnectionService;
import com.caseclock.connector.service.ConnectionService.AccessToken;
import com.caseclock.connector.service.NeedsReconnect;
import com.caseclock.connector.support.Redactor;
import com.caseclock.events.ApprovedTimeEntry;
import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventJson;
import com.caseclock.events.FailureReason;
import com.caseclock.events.SyncFailure;
import com.caseclock.events.SyncOutcome;
import com.caseclock.events.TimeEntryApprovalUpdatedV1;
import com.caseclock.events.TimeEntryApprovedV1;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Does the Clio side of one posting job: create (with the in-flight marker and recovery), patch, delete, and the
 * classification of Clio's answers into an {@link Outcome}. Never holds a database transaction open across a Clio
 * call: every bookkeeping step commits on its own before the next request.
 */
@ApplicationScoped
public class EntryPoster {

    private static final Logger LOG = Logger.getLogger(EntryPoster.class);
    private static final String LOOKUP_FIELDS = "id,etag,date,quantity,note,matter{id},user{id}";
    private static final int NOTE_QUERY_CHARS = 60;

    private final ClioApiClient api;
    private final ConnectionService connections;
    private final PostingStore store;
    private final PostingConfig config;
    private final EventCodec codec = EventCodec.shared();

    EntryPoster(ClioApiClient api, ConnectionService connections, PostingStore store, PostingConfig config) {
        this.api = api;
        this.connections = connections;
        this.store = store;
        this.config = config;
    }

    /**
     * What the jobs of one firm's batch share: each user's access token and Clio user id, read once per batch instead
     * of once per entry (a token Clio refuses is refreshed and replaced here). A batch lasts seconds, well inside a
     * token's remaining life ({@link ConnectionService#accessToken} renews tokens close to expiry).
     */
    public static final class Batch {
        private final Map<String, AccessToken> tokens = new HashMap<>();
        private final Map<String, Long> clioUsers = new HashMap<>();
    }

    /** @return a new, empty batch for one firm's run of jobs (not shared between threads) */
    public Batch batch() {
        return new Batch();
    }

    /** The job being worked on and its (lazily fetched) token. */
    private final class Ctx {
        final PostingStore.Job job;
        final Batch batch;
        final ApprovedTimeEntry entry;
        final String currency;
        AccessToken token;

        Ctx(PostingStore.Job job, Batch batch) {
            this.job = job;
            this.batch = batch;
            this.entry = entryOf(job);
            this.currency = SyncResults.currency(entry, config.currency());
        }

        AccessToken token() {
            if (token == null) {
                token = batch.tokens.get(job.userId());
            }
            if (token == null) {
                token = connections.accessToken(job.firmId(), job.userId());
                batch.tokens.put(job.userId(), token);
            }
            return token;
        }

        /** Calls Clio; a 401 refreshes the token once, a second 401 marks the connection NEEDS_RECONNECT. */
        <T> T call(Function<AccessToken, T> request) {
            try {
                return request.apply(token());
            } catch (ClioApiException e) {
                if (e.status() != 401) {
                    throw e;
                }
            }
            batch.tokens.remove(job.userId());
            token = connections.refreshNow(job.firmId(), job.userId());
            batch.tokens.put(job.userId(), token);
            try {
                return request.apply(token);
            } catch (ClioApiException e) {
                if (e.status() == 401) {
                    String reason = "Clio refused the access token (HTTP 401); connect again";
                    connections.needsReconnect(job.firmId(), job.userId(), reason);
                    throw new NeedsReconnect(job.firmId(), job.userId(), reason);
                }
                throw e;
            }
        }

        SyncResults.Draft draft(SyncOutcome outcome, ClioActivity activity, Long clioId, SyncFailure failure) {
            return new SyncResults.Draft(job.firmId(), job.timeEntryId(), job.userId(), outcome, activity, clioId,
                    entry == null ? null : entry.expectedRate(), failure, currency);
        }

        Outcome failed(FailureReason reason, String message, boolean retryable, Integer status, ClioActivity a) {
            return new Outcome.Finished(draft(SyncOutcome.FAILED, a, a == null ? null : a.id(),
                    SyncResults.failure(reason, message, retryable, status, job.attempts() + 1)), true);
        }
    }

    /**
     * Runs one job against Clio, on its own.
     *
     * @return what happened; never throws for Clio or connection problems
     */
    public Outcome run(PostingStore.Job job) {
        return run(job, batch());
    }

    /**
     * Runs one job of a firm's batch against Clio.
     *
     * @param batch what the batch's jobs share (tokens, Clio user ids), from {@link #batch()}
     * @return what happened; never throws for Clio or connection problems
     */
    public Outcome run(PostingStore.Job job, Batch batch) {
        Ctx ctx = new Ctx(job, batch);
        try {
            return job.kind() == PostingStore.Kind.VOID ? voidEntry(ctx) : upsert(ctx);
        } catch (NeedsReconnect e) {
            return new Outcome.WaitingForConnection("Your Clio connection needs to be renewed: reconnect to Clio "
                    + "and this entry is sent automatically.");
        } catch (ClioUnavailable e) {
            store.clioAnswer(job.timeEntryId(), status(e), null, e.getClass().getName());
            return new Outcome.Retry(FailureReason.CLIO_UNAVAILABLE, "Clio is unavailable (" + e.getMessage() + ")",
                    status(e));
        } catch (ClioApiException e) {
            store.clioAnswer(job.timeEntryId(), e.status(), Redactor.redact(e.body()), e.getClass().getName());
            return classify(ctx, e);
        }
    }

    /** A FAILED result draft for a job whose retries ran out. */
    SyncResults.Draft failedDraft(PostingStore.Job job, SyncFailure failure) {
        Ctx ctx = new Ctx(job, batch());
        PostingStore.Mapping m = store.mapping(job.timeEntryId(), config.inFlightSettle());
        return ctx.draft(SyncOutcome.FAILED, null, m == null ? null : m.clioActivityId(), failure);
    }

    /** A result draft for a job parked until its user reconnects. */
    SyncResults.Draft waitingDraft(PostingStore.Job job, String message) {
        return failedDraft(job, SyncResults.failure(FailureReason.NEEDS_RECONNECT, message, true, null,
                job.attempts() + 1));
    }

    // --- approve / update -------------------------------------------------------------------------------------------

    private Outcome upsert(Ctx ctx) {
        ApprovedTimeEntry entry = ctx.entry;
        UUID id = ctx.job.timeEntryId();
        PostingStore.Mapping m = store.mapping(id, config.inFlightSettle());
        if (m != null && m.state() == PostingStore.MappingState.CREATED) {
            return m.revisionApplied() >= entry.revision() ? readBack(ctx, m.clioActivityId())
                    : patch(ctx, m.clioActivityId());
        }
        if (m != null && m.state() == PostingStore.MappingState.IN_FLIGHT) {
            if (!m.settled()) {
                return deferUntil(m.settleUntil());
            }
            Long found = recover(ctx, m);
            if (found != null) {
                store.markCreated(id, found, m.revisionApplied(), null);
                LOG.infof("Entry %s: found the activity %d a lost create had made in Clio", id, found);
                return m.revisionApplied() < entry.revision() ? patch(ctx, found) : readBack(ctx, found);
            }
        }
        return create(ctx);
    }

    private Outcome create(Ctx ctx) {
        UUID id = ctx.job.timeEntryId();
        Long clioUserId = clioUserId(ctx);
        ObjectNode body = body(ctx.entry, clioUserId, true);
        if (!store.markInFlight(id, ctx.job.firmId(), ctx.entry.revision(), body.toString())) {
            return upsert(ctx); // created meanwhile by another run
        }
        JsonNode data;
        try {
            data = ctx.call(t -> api.createActivity(t.region(), t.value(), body, ClioActivity.FIELDS));
        } catch (ClioUnavailable e) {
            if (e.getCause() != null) {
                // no answer: the request may still execute at Clio; look it up only once it has surely settled
                store.unsettled(id, config.inFlightSettle());
            } else {
                store.answered(id); // a 5xx answer: whatever Clio did is done, a lookup can tell
            }
            throw e;
        } catch (ClioApiException | NeedsReconnect e) {
            store.clearInFlight(id); // Clio answered 4xx: nothing was created
            throw e;
        }
        ClioActivity created = ClioActivity.of(data);
        store.markCreated(id, created.id(), ctx.entry.revision(), created.etag());
        return synced(ctx, created);
    }

    private Outcome patch(Ctx ctx, long clioId) {
        UUID id = ctx.job.timeEntryId();
        ObjectNode body = body(ctx.entry, clioUserId(ctx), false);
        for (int i = 0; i < 3; i++) {
            ClioActivity current = current(ctx, clioId);
            if (current == null) {
                store.markDeleted(id);
                return ctx.failed(FailureReason.VALIDATION_REJECTED, "The Clio activity " + clioId + " of this entry "
                        + "was deleted in Clio, so the change was not made there. Send the entry again to create it "
                        + "anew.", true, 404, null);
            }
            if (current.billed()) {
                return billed(ctx, current, "changed");
            }
            try {
                JsonNode data = ctx.call(t -> api.updateActivity(t.region(), t.value(), clioId, current.etag(), body,
                        ClioActivity.FIELDS));
                ClioActivity updated = ClioActivity.of(data);
                store.markCreated(id, clioId, ctx.entry.revision(), updated.etag());
                return synced(ctx, updated);
            } catch (ClioApiException e) {
                if (e.status() == 412) {
                    continue; // changed in Clio since we read it: read again
                }
                if (e.status() == 422) {
                    ClioActivity again = current(ctx, clioId);
                    if (again != null && again.billed()) {
                        return billed(ctx, again, "changed");
                    }
                }
                throw e;
            }
        }
        return new Outcome.Retry(FailureReason.CLIO_UNAVAILABLE, "The Clio activity " + clioId
                + " kept changing while we updated it", 412);
    }

    private Outcome readBack(Ctx ctx, long clioId) {
        ClioActivity a = current(ctx, clioId);
        if (a == null) {
            store.markDeleted(ctx.job.timeEntryId());
            return ctx.failed(FailureReason.VALIDATION_REJECTED, "The Clio activity " + clioId + " of this entry was "
                    + "deleted in Clio. Send the entry again to create it anew.", true, 404, null);
        }
        return synced(ctx, a);
    }

    private Outcome synced(Ctx ctx, ClioActivity a) {
        return new Outcome.Finished(ctx.draft(SyncOutcome.SYNCED, a, a.id(), null), false);
    }

    // --- void -------------------------------------------------------------------------------------------------------

    private Outcome voidEntry(Ctx ctx) {
        UUID id = ctx.job.timeEntryId();
        PostingStore.Mapping m = store.mapping(id, config.inFlightSettle());
        if (m == null || m.state() == PostingStore.MappingState.DELETED) {
            return voided(ctx, m == null ? null : m.clioActivityId());
        }
        long clioId;
        if (m.state() == PostingStore.MappingState.IN_FLIGHT) {
            if (!m.settled()) {
                return deferUntil(m.settleUntil());
            }
            Long found = recover(ctx, m);
            if (found == null) {
                store.markDeleted(id);
                return voided(ctx, null);
            }
            store.markCreated(id, found, m.revisionApplied(), null);
            clioId = found;
        } else {
            clioId = m.clioActivityId();
        }
        ClioActivity current = current(ctx, clioId);
        if (current == null) {
            store.markDeleted(id);
            return voided(ctx, clioId);
        }
        if (current.billed()) {
            return billed(ctx, current, "deleted");
        }
        try {
            ctx.call(t -> {
                api.deleteActivity(t.region(), t.value(), clioId);
                return null;
            });
        } catch (ClioApiException e) {
            if (e.status() == 422) {
                ClioActivity again = current(ctx, clioId);
                if (again != null && again.billed()) {
                    return billed(ctx, again, "deleted");
                }
            }
            if (e.status() != 404) {
                throw e;
            }
        }
        store.markDeleted(id);
        return voided(ctx, clioId);
    }

    private Outcome voided(Ctx ctx, Long clioId) {
        return new Outcome.Finished(ctx.draft(SyncOutcome.VOIDED, null, clioId, null), false);
    }

    private Outcome billed(Ctx ctx, ClioActivity a, String verb) {
        return ctx.failed(FailureReason.ACTIVITY_BILLED, "The Clio activity " + a.id() + " is already on a bill in "
                + "Clio, so it was not " + verb + ". Ask your billing team to remove it from the bill (or void the "
                + "bill) in Clio first, then send the entry again.", false, null, a);
    }

    // --- recovery ---------------------------------------------------------------------------------------------------

    /**
     * Looks for the activity a create whose answer was lost may have made: same matter, user, date, quantity and note
     * (Clio's {@code query} searches notes), not already mapped to another entry.
     *
     * @return its id, or null when Clio has none
     */
    private Long recover(Ctx ctx, PostingStore.Mapping m) {
        JsonNode sent;
        try {
            sent = EventJson.mapper().readTree(m.inFlightBody()).path("data");
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("Unreadable in-flight body of entry " + ctx.job.timeEntryId(), e);
        }
        String date = sent.path("date").asText();
        long quantity = sent.path("quantity").asLong();
        long matter = sent.path("matter").path("id").asLong();
        JsonNode userNode = sent.path("user").path("id");
        String note = sent.path("note").asText("");
        StringBuilder url = new StringBuilder(api.baseUrl(ctx.token().region()).toString().replaceAll("/+$", ""))
                .append("/api/v4/activities.json?type=TimeEntry&matter_id=").append(matter)
                .append("&start_date=").append(date).append("&end_date=").append(date)
                .append("&limit=200&fields=").append(encode(LOOKUP_FIELDS));
        if (userNode.isNumber()) {
            url.append("&user_id=").append(userNode.asLong());
        }
        String query = note.strip();
        if (!query.isEmpty()) {
            url.append("&query=").append(encode(query.substring(0, Math.min(NOTE_QUERY_CHARS, query.length()))));
        }
        List<Long> candidates = new ArrayList<>();
        String next = url.toString();
        while (next != null) {
            String page = next;
            ClioPage p = ctx.call(t -> api.page(t.region(), t.value(), page));
            for (JsonNode a : p.data()) {
                boolean same = date.equals(a.path("date").asText())
                        && a.path("quantity").decimalValue().compareTo(java.math.BigDecimal.valueOf(quantity)) == 0
                        && note.equals(a.path("note").asText(""))
                        && a.path("matter").path("id").asLong() == matter
                        && (!userNode.isNumber() || a.path("user").path("id").asLong() == userNode.asLong());
                if (same) {
                    candidates.add(a.path("id").asLong());
                }
            }
            next = p.next();
        }
        Set<Long> taken = store.takenByOthers(ctx.job.firmId(), ctx.job.timeEntryId(), candidates);
        return candidates.stream().filter(c -> !taken.contains(c)).sorted().findFirst().orElse(null);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** @return the activity as Clio has it, or null when Clio has none (404) */
    private ClioActivity current(Ctx ctx, long clioId) {
        try {
            return ClioActivity.of(ctx.call(t -> api.activity(t.region(), t.value(), clioId, ClioActivity.FIELDS)));
        } catch (ClioApiException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Clio's create/update body. {@code date} is the entry's calendar work date as written by the lawyer's zone,
     * never derived from an instant; {@code quantity} whole seconds; {@code price} only for an explicit override.
     */
    static ObjectNode body(ApprovedTimeEntry entry, Long clioUserId, boolean create) {
        ObjectNode data = EventJson.mapper().createObjectNode();
        if (create) {
            data.put("type", "TimeEntry");
        }
        data.put("date", entry.workDate().toString());
        data.put("quantity", entry.durationSeconds());
        data.putObject("matter").put("id", entry.matterClioId());
        if (clioUserId != null) {
            data.putObject("user").put("id", clioUserId);
        }
        data.put("note", entry.note());
        data.put("non_billable", entry.nonBillable());
        if (entry.activityDescriptionClioId() != null) {
            data.putObject("activity_description").put("id", entry.activityDescriptionClioId());
        }
        if (entry.rateOverride() != null) {
            data.put("price", entry.rateOverride().amount());
        }
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.set("data", data);
        return root;
    }

    private Outcome classify(Ctx ctx, ClioApiException e) {
        String clio = clioMessage(e.body());
        String lower = clio.toLowerCase(Locale.ROOT);
        long matter = ctx.entry == null ? 0 : ctx.entry.matterClioId();
        switch (e.status()) {
            case 429:
                long seconds = e.retryAfterSeconds() != null ? e.retryAfterSeconds()
                        : config.defaultRetryAfter().toSeconds();
                return new Outcome.Throttled(Duration.ofSeconds(Math.max(1, seconds)), "Clio rate limit: " + clio);
            case 404:
                if (lower.contains("matter")) {
                    return ctx.failed(FailureReason.MATTER_NOT_FOUND, "Matter " + matter + " was not found in Clio "
                            + "(deleted there, or not visible to your Clio user). Pick another matter and approve the "
                            + "entry again.", false, 404, null);
                }
                return ctx.failed(FailureReason.VALIDATION_REJECTED, "Clio rejected the entry: " + clio, false, 404,
                        null);
            case 422:
                if (lower.contains("closed")) {
                    return ctx.failed(FailureReason.MATTER_CLOSED, "Matter " + matter + " is closed in Clio, so time "
                            + "cannot be recorded on it. Reopen it in Clio or pick another matter. (Clio: " + clio + ")",
                            false, 422, null);
                }
                if (lower.contains("bill")) {
                    return ctx.failed(FailureReason.ACTIVITY_BILLED, "The Clio activity is already on a bill, so it "
                            + "was not changed. (Clio: " + clio + ")", false, 422, null);
                }
                return ctx.failed(FailureReason.VALIDATION_REJECTED, "Clio rejected the entry: " + clio, false, 422,
                        null);
            case 403:
                return ctx.failed(FailureReason.VALIDATION_REJECTED, "Clio refused the entry for your Clio user "
                        + "(HTTP 403): " + clio, false, 403, null);
            default:
                return ctx.failed(FailureReason.INTERNAL_ERROR, "Clio answered HTTP " + e.status() + " to the "
                        + "connector's request: " + clio, false, e.status(), null);
        }
    }

    private static String clioMessage(String body) {
        if (body == null || body.isBlank()) {
            return "no details given";
        }
        try {
            JsonNode node = EventJson.mapper().readTree(body);
            JsonNode message = node.path("error").path("message");
            if (message.isTextual()) {
                return message.asText();
            }
            JsonNode description = node.path("error_description");
            if (description.isTextual()) {
                return description.asText();
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // not JSON
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static Integer status(ClioUnavailable e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("HTTP (\\d{3})").matcher(String.valueOf(
                e.getMessage()));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static Outcome deferUntil(Instant until) {
        Duration wait = until == null ? Duration.ofSeconds(1) : Duration.between(Instant.now(), until);
        return new Outcome.Deferred(wait.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200) : wait);
    }

    private static Long clioUserId(Ctx ctx) {
        PostingStore.Job job = ctx.job;
        Long cached = ctx.batch.clioUsers.get(job.userId());
        if (cached != null) {
            return cached;
        }
        Long found = QuarkusTransaction.requiringNew().call(() -> {
            ClioConnection c = ClioConnection.findById(new ClioConnection.Key(job.firmId(), job.userId()));
            return c == null ? null : c.clioUserId;
        });
        if (found != null) {
            ctx.batch.clioUsers.put(job.userId(), found);
        }
        return found;
    }

    private ApprovedTimeEntry entryOf(PostingStore.Job job) {
        DomainEvent event = codec.decodeStored(job.payload(), job.ceType()); // validated when it was received
        if (event instanceof TimeEntryApprovedV1 approved) {
            return approved.entry();
        }
        if (event instanceof TimeEntryApprovalUpdatedV1 updated) {
            return updated.entry();
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
