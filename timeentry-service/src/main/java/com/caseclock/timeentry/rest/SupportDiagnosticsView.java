package com.caseclock.timeentry.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * timeentry-service's part of a support diagnostics bundle ({@code GET /api/v1/support/diagnostics}). Carries no
 * token or secret: this service never holds Clio credentials.
 *
 * @param service            which service made this part ({@code timeentry-service}) and its version
 * @param generatedAt        when this document was made, UTC
 * @param firmId             the firm diagnosed
 * @param userId             the CaseClock user diagnosed, or {@code null} for the whole firm
 * @param connections        the Clio connection per user as this service last heard it from clio-connector
 *                           ({@code connector.connection.status.v1}): status, region, last successful sync, reason
 * @param recentSyncFailures newest entries whose last sync failed (at most 20), newest work date first
 * @param entry              the requested entry from capture to Clio, or {@code null} when none was asked for
 * @param outbox             approval events recorded but not yet published to Kafka (this service, all firms)
 */
public record SupportDiagnosticsView(ServiceView service, Instant generatedAt, String firmId,
        String userId, List<UserConnectionView> connections, List<TimeEntryView> recentSyncFailures,
        EntryTimelineView entry, OutboxView outbox) {

    /**
     * @param name    {@code quarkus.application.name}
     * @param version {@code quarkus.application.version} (the project version in a packaged service)
     */
    public record ServiceView(String name, String version) {
    }

    /**
     * @param userId     CaseClock user id
     * @param connection the connection ({@code status=unknown} if no state was received)
     */
    public record UserConnectionView(String userId, ClioConnectionView connection) {
    }

    /**
     * @param entry    the entry as stored now
     * @param timeline what happened to it, oldest first: its audit lines, each approval event's publication to Kafka
     *                 right after the line that recorded it, and the sync results received
     */
    public record EntryTimelineView(TimeEntryView entry, List<StepView> timeline) {
    }

    /**
     * One step of an entry's life.
     *
     * @param stage         {@code CAPTURE}, {@code EDIT}, {@code APPROVAL}, {@code PUBLICATION}, {@code SYNC_RESULT},
     *                      {@code VOID} or {@code OTHER}
     * @param at            when, UTC ({@code null} for an event whose publication record is gone)
     * @param actor         user id, or {@code system:<part>}
     * @param action        what, e.g. {@code CREATED}, {@code APPROVED}, {@code EVENT_PUBLISHED},
     *                      {@code SYNC_RESULT_APPLIED}
     * @param details       details object (changed fields, outcome, failure reason, topic ...)
     * @param eventSent     id of the event this step sent (approval events), or {@code null}
     * @param eventReceived id of the event that caused this step (sync results, matter changes), or {@code null}
     */
    public record StepView(String stage, Instant at, String actor, String action, JsonNode details, UUID eventSent,
            UUID eventReceived) {
    }

    /**
     * @param unsent      events waiting to be published
     * @param oldestSince when the oldest of them was recorded, UTC, or {@code null}
     */
    public record OutboxView(long unsent, Instant oldestSince) {
    }
}
