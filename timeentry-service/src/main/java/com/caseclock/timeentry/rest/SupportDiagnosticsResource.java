package com.caseclock.timeentry.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.caseclock.events.EventJson;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.CurrentCaller;
import com.caseclock.timeentry.repository.AuditRow;
import com.caseclock.timeentry.repository.OutboxEventRepository.Publication;
import com.caseclock.timeentry.service.Diagnostics;
import com.caseclock.timeentry.service.DiagnosticsScope;
import com.caseclock.timeentry.service.DiagnosticsService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * timeentry-service's part of the support diagnostics bundle: {@code GET /api/v1/support/diagnostics?firmId=&userId=
 * &entryId=}, a downloadable JSON document ({@code Content-Disposition: attachment}). CaseClock support names any
 * firm with {@code firmId}; a firm admin sees their own firm, a lawyer only their own data; another firm (or, for a
 * lawyer, another user or their entry) is 404. The {@code support-cli} {@code bundle} command merges this with the
 * other services' parts.
 */
@Path("/api/v1/support/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Support")
public class SupportDiagnosticsResource {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CurrentCaller caller;
    private final DiagnosticsService diagnostics;
    private final EntryViews views;
    private final Clock clock;
    private final String service;
    private final String version;

    SupportDiagnosticsResource(CurrentCaller caller, DiagnosticsService diagnostics, EntryViews views, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.caller = caller;
        this.diagnostics = diagnostics;
        this.views = views;
        this.clock = clock;
        this.service = service;
        this.version = version;
    }

    /**
     * @param firmId  the firm (required for support; others may leave it out or name their own)
     * @param userId  the CaseClock user (optional for support and firm admins: the whole firm without it)
     * @param entryId a time entry whose timeline to include (optional)
     * @return 200 with {@link SupportDiagnosticsView} as an attachment
     * @throws ProblemException 400 for a malformed parameter or support without {@code firmId}; 404 for another
     *                          firm, user or entry out of the caller's reach
     */
    @GET
    @Operation(summary = "Diagnostics for support: connection status, recent sync failures, an entry's timeline "
            + "from capture to Clio with event ids, service version (JSON download)")
    public Response get(@QueryParam("firmId") String firmId, @QueryParam("userId") String userId,
            @QueryParam("entryId") String entryId) {
        DiagnosticsScope scope = DiagnosticsScope.of(caller.get(), firmId, userId);
        Diagnostics d = diagnostics.gather(scope, uuid("entryId", entryId));
        Instant now = clock.instant();
        SupportDiagnosticsView view = new SupportDiagnosticsView(
                new SupportDiagnosticsView.ServiceView(service, version), now, scope.firmId(),
                scope.userId(), d.connections().stream().map(SupportDiagnosticsResource::connection).toList(),
                d.recentFailures().stream().map(views::view).toList(), entry(d.entry()),
                new SupportDiagnosticsView.OutboxView(d.outboxBacklog().unsent(), d.outboxBacklog().oldestSince()));
        String file = "timeentry-diagnostics-" + safe(scope.firmId())
                + (scope.userId() == null ? "" : "-" + safe(scope.userId())) + "-" + FILE_TIME.format(now) + ".json";
        return Response.ok(view).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .build();
    }

    private static SupportDiagnosticsView.UserConnectionView connection(Diagnostics.UserConnection c) {
        return new SupportDiagnosticsView.UserConnectionView(c.userId(),
                c.state() == null ? IntegrationResource.UNKNOWN : IntegrationResource.view(c.state()));
    }

    private SupportDiagnosticsView.EntryTimelineView entry(Diagnostics.EntryTrail trail) {
        if (trail == null) {
            return null;
        }
        List<SupportDiagnosticsView.StepView> steps = new ArrayList<>();
        for (AuditRow row : trail.audit()) {
            steps.add(new SupportDiagnosticsView.StepView(stage(row.action()), row.at(), row.actor(), row.action(),
                    json(row.detailsJson()), row.eventSent(), row.eventReceived()));
            if (row.eventSent() != null) {
                steps.add(publication(row.eventSent(), trail.publications().get(row.eventSent())));
            }
        }
        return new SupportDiagnosticsView.EntryTimelineView(views.view(trail.entry()), steps);
    }

    /** The publication of a sent event to Kafka by the outbox relay, as a step right after the line that sent it. */
    private static SupportDiagnosticsView.StepView publication(UUID eventId, Publication p) {
        ObjectNode details = EventJson.mapper().createObjectNode();
        if (p == null) {
            details.put("note", "the outbox row is gone (removed by housekeeping after publication)");
            return new SupportDiagnosticsView.StepView("PUBLICATION", null, "system:outbox-relay",
                    "EVENT_PUBLISHED", details, eventId, null);
        }
        details.put("topic", p.topic());
        details.put("ceType", p.ceType());
        details.put("recordedAt", p.recordedAt().toString());
        details.put("failedAttempts", p.attempts());
        if (p.lastError() != null) {
            details.put("lastError", p.lastError());
        }
        return p.sentAt() != null
                ? new SupportDiagnosticsView.StepView("PUBLICATION", p.sentAt(), "system:outbox-relay",
                        "EVENT_PUBLISHED", details, eventId, null)
                : new SupportDiagnosticsView.StepView("PUBLICATION", p.recordedAt(), "system:outbox-relay",
                        "EVENT_WAITING_FOR_PUBLICATION", details, eventId, null);
    }

    private static String stage(String action) {
        return switch (action) {
            case "CREATED", "CREATED_FROM_TIMER" -> "CAPTURE";
            case "UPDATED", "EXTENDED_BY_TIMER", "MATTER_ASSIGNED_AUTOMATICALLY", "DELETED" -> "EDIT";
            case "APPROVED", "RESUBMITTED", "UPDATED_AFTER_APPROVAL" -> "APPROVAL";
            case "VOIDED" -> "VOID";
            case "SYNC_RESULT_APPLIED", "SYNC_RESULT_IGNORED" -> "SYNC_RESULT";
            default -> "OTHER";
        };
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    /** @return the id with everything but letters, digits, dot, dash and underscore replaced, for a file name */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit details are not JSON", e);
        }
    }
}
