package com.caseclock.connector.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.caseclock.connector.posting.PostingStore;
import com.caseclock.connector.service.ConnectionService;
import com.caseclock.connector.service.ConnectionView;
import com.caseclock.connector.service.FirmSyncView;
import com.caseclock.events.EventJson;
import com.caseclock.events.Topic;
import com.caseclock.service.jdbc.Sql;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;
import com.caseclock.service.security.Role;
import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The connector's part of a diagnostics bundle (what the help pages ask a user to send support, gathered at once).
 * Built only from views that never carry tokens or secrets: connection views (no tokens), the firm's sync state,
 * the failed-event index (messages and Clio bodies redacted) and the posting bookkeeping (no request bodies). The JSON
 * shape is {@link Bundle}; docs/runbook.md ("Support tooling") shows an example.
 *
 * <p>Access: support any firm ({@code firmId} required); a firm admin their own firm (another firm: 404); a lawyer
 * only their own bundle (another user or firm: 404), and an entry only when it is theirs.
 */
@ApplicationScoped
public class Diagnostics {

    private static final int RECENT_FAILURES = 20;

    private final ConnectionService connections;
    private final FailedEventStore failures;
    private final PostingStore posting;
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final String serviceName;
    private final String serviceVersion;

    Diagnostics(ConnectionService connections, FailedEventStore failures, PostingStore posting,
            AgroalDataSource dataSource, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String serviceName,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String serviceVersion) {
        this.connections = connections;
        this.failures = failures;
        this.posting = posting;
        this.dataSource = dataSource;
        this.clock = clock;
        this.serviceName = serviceName;
        this.serviceVersion = serviceVersion;
    }

    /**
     * The bundle ({@code GET /api/v1/support/diagnostics}).
     *
     * @param part           always {@code "clio-connector"}: which service's part of the bundle this is
     * @param service        name and version of the service
     * @param generatedAt    when the bundle was made (UTC)
     * @param firmId         the firm
     * @param userId         the user asked about, or null for the whole firm
     * @param entryId        the time entry asked about, or null
     * @param connections    the user's connection (or every connection of the firm): state, region, Clio user, last
     *                       error; never tokens
     * @param sync           the firm's sync from Clio: backfill progress, last successful sync per resource, next
     *                       poll, last error, webhooks (model, status, expiry); null when the firm is not synced
     * @param recentFailures the newest failed events of the firm (or user), up to 20, with plain-word reasons
     * @param entry          the entry's posting timeline, or null when no entry was asked about
     */
    public record Bundle(String part, Service service, Instant generatedAt, String firmId, String userId,
            UUID entryId, List<ConnectionState> connections, FirmSyncView sync, List<FailedEvent.Summary> recentFailures,
            EntryTimeline entry) {
    }

    /**
     * @param name    {@code quarkus.application.name}
     * @param version {@code quarkus.application.version}
     */
    public record Service(String name, String version) {
    }

    /**
     * One user's connection to Clio.
     *
     * @param state NOT_CONNECTED, CONNECTED or NEEDS_RECONNECT
     */
    public record ConnectionState(String userId, String state, String region, Long clioUserId, String clioUserName,
            String lastError, Instant connectedAt, Instant updatedAt) {
    }

    /**
     * An entry from approval to Clio, as the connector saw it.
     *
     * @param known            whether the connector has ever received an approval event for the entry
     * @param posting          the posting job, or null
     * @param clioActivity     the entry → Clio activity mapping, or null
     * @param approvalEventIds every approval event id (ce_id) the connector knows for the entry
     * @param syncResults      the sync results the connector published for it, oldest first
     * @param failedEventIds   the entry's failed events in the support index
     */
    public record EntryTimeline(UUID timeEntryId, boolean known, Posting posting, ClioActivity clioActivity,
            List<String> approvalEventIds, List<SyncResult> syncResults, List<UUID> failedEventIds) {
    }

    /**
     * @param state           PENDING, WAITING_FOR_CONNECTION, DONE or FAILED
     * @param kind            UPSERT or VOID
     * @param revision        the entry revision the job works on
     * @param sourceEventId   the approval event of that revision
     * @param answeredEvents  approval events still waiting for a result ({@code <eventId>:<revision>})
     * @param attempts        attempts made on the current revision
     * @param firstFailureAt  first failure of the current run of failures (UTC), or null
     * @param lastFailureAt   last failure (UTC), or null
     * @param lastError       the last problem in plain words, or null
     */
    public record Posting(String state, String kind, long revision, UUID sourceEventId, List<String> answeredEvents,
            int attempts, Instant firstFailureAt, Instant lastFailureAt, String lastError) {
    }

    /**
     * @param state           IN_FLIGHT, CREATED or DELETED
     * @param clioActivityId  the Clio activity id, when created
     * @param revisionApplied the entry revision Clio holds (or was sent)
     */
    public record ClioActivity(String state, Long clioActivityId, long revisionApplied) {
    }

    /**
     * @param eventId        the sync result's event id
     * @param occurredAt     when it was made (UTC)
     * @param publishedAt    when it reached Kafka (UTC), or null while in the outbox
     * @param sourceEventId  the approval event it answers
     * @param revision       the entry revision it answers
     * @param outcome        SYNCED, VOIDED or FAILED
     * @param clioActivityId the Clio activity id, when known
     * @param failureReason  the FailureReason of a FAILED result, else null
     * @param failureMessage the plain-word message of a FAILED result, else null
     */
    public record SyncResult(UUID eventId, Instant occurredAt, Instant publishedAt, String sourceEventId,
            Long revision, String outcome, Long clioActivityId, String failureReason, String failureMessage) {
    }

    /**
     * @throws ProblemException 400 when support names no firm, 404 per the access rules
     */
    public Bundle bundle(Caller caller, String firmId, String userId, UUID entryId) {
        String firm = authorize(caller, firmId, userId);
        String user = userId;
        if (user == null && !caller.isSupport() && !caller.isFirmAdmin()) {
            user = caller.userId();
        }
        Caller as = new Caller(firm, user == null ? caller.userId() : user, Set.of(Role.FIRM_ADMIN), ZoneOffset.UTC);
        List<ConnectionView> views = user == null ? connections.firmStatus(as) : List.of(connections.status(as));
        FirmSyncView sync = views.stream().map(ConnectionView::sync).filter(Objects::nonNull).findFirst().orElse(null);
        List<ConnectionState> states = views.stream().map(v -> new ConnectionState(v.userId(), v.state(), v.region(),
                v.clioUserId(), v.clioUserName(), Redactor.redact(v.lastError()), v.connectedAt(), v.updatedAt()))
                .toList();
        String u = user;
        List<FailedEvent.Summary> recent = QuarkusTransaction.requiringNew().call(() -> failures.search(
                new FailedEvent.Filter(firm, u, null, null, null, null, null, null), 0, RECENT_FAILURES).items());
        EntryTimeline entry = entryId == null ? null : timeline(firm, u, entryId);
        return new Bundle("clio-connector", new Service(serviceName, serviceVersion), clock.instant(), firm, user,
                entryId, states, sync, recent, entry);
    }

    private static String authorize(Caller caller, String firmId, String userId) {
        if (caller.isSupport() || caller.isFirmAdmin()) {
            if (firmId == null || firmId.isBlank()) {
                if (caller.isSupport()) {
                    throw ProblemException.badRequest("firmId", "required");
                }
                return caller.firmId();
            }
            return SupportAccess.firm(caller, firmId);
        }
        if (firmId != null && !firmId.equals(caller.firmId())) {
            throw ProblemException.notFound("Firm " + firmId);
        }
        if (userId != null && !userId.equals(caller.userId())) {
            throw ProblemException.notFound("User " + userId); // a lawyer sees only their own diagnostics
        }
        return caller.firmId();
    }

    private EntryTimeline timeline(String firm, String user, UUID entryId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PostingStore.Job job = posting.job(entryId);
            if (job != null && (!job.firmId().equals(firm) || (user != null && !job.userId().equals(user)))) {
                job = null; // another firm's (or user's) entry: say nothing about it
            }
            List<FailedEvent.Summary> failed = failures.search(new FailedEvent.Filter(firm, user, entryId, null,
                    null, null, null, null), 0, 100).items();
            if (job == null && failed.isEmpty()) {
                return new EntryTimeline(entryId, false, null, null, List.of(), List.of(), List.of());
            }
            Posting p = job == null ? null : new Posting(job.state().name(), job.kind().name(), job.revision(),
                    job.sourceEventId(), job.pendingSources(), job.attempts(), job.firstFailureAt(),
                    job.lastFailureAt(), Redactor.redact(job.lastError()));
            PostingStore.Mapping m = job == null ? null : posting.mapping(entryId, Duration.ZERO);
            ClioActivity activity = m == null ? null
                    : new ClioActivity(m.state().name(), m.clioActivityId(), m.revisionApplied());
            List<SyncResult> results = job == null ? List.of() : syncResults(firm, entryId);
            Set<String> approvals = new LinkedHashSet<>();
            failed.stream().filter(f -> Topic.TIME_ENTRY_APPROVAL.topicName().equals(f.sourceTopic()))
                    .map(FailedEvent.Summary::eventId).filter(Objects::nonNull).forEach(approvals::add);
            if (job != null) {
                approvals.add(job.sourceEventId().toString());
                job.pendingSources().forEach(s -> approvals.add(s.substring(0, s.lastIndexOf(':'))));
            }
            results.stream().map(SyncResult::sourceEventId).filter(Objects::nonNull).forEach(approvals::add);
            return new EntryTimeline(entryId, true, p, activity, List.copyOf(approvals), results,
                    failed.stream().map(FailedEvent.Summary::id).toList());
        });
    }

    private List<SyncResult> syncResults(String firm, UUID entryId) {
        String sql = "SELECT event_id, occurred_at, sent_at, payload FROM outbox_event WHERE topic = ? AND kafka_key = ? "
                + "ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, Topic.TIME_ENTRY_SYNC_RESULT.topicName());
            s.setString(2, entryId.toString());
            List<SyncResult> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    JsonNode p = rs.getString(4) == null ? EventJson.mapper().createObjectNode()
                            : EventJson.mapper().readTree(rs.getString(4));
                    if (!firm.equals(p.path("firmId").asText())) {
                        continue;
                    }
                    JsonNode failure = p.path("failure");
                    out.add(new SyncResult(rs.getObject(1, UUID.class), Sql.instant(rs.getTimestamp(2)),
                            Sql.instant(rs.getTimestamp(3)), text(p.path("sourceEventId")),
                            p.path("revision").isNumber() ? p.path("revision").asLong() : null,
                            text(p.path("outcome")),
                            p.path("clioActivityId").isNumber() ? p.path("clioActivityId").asLong() : null,
                            text(failure.path("reason")), Redactor.redact(text(failure.path("message")))));
                }
            }
            return out;
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Could not read the entry's sync results: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
