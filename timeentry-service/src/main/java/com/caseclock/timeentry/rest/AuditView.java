package com.caseclock.timeentry.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One audit line of an entry.
 *
 * @param at            when, UTC
 * @param actor         user id, or {@code system:<part>}
 * @param action        what (e.g. CREATED, UPDATED, APPROVED, MATTER_ASSIGNED_AUTOMATICALLY, SYNC_RESULT_APPLIED)
 * @param details       details object (changed fields as {@code [old, new]}, outcome, reason ...)
 * @param eventSent     id of the event recorded for publication, or {@code null}
 * @param eventReceived id of the event that caused the change, or {@code null}
 */
public record AuditView(Instant at, String actor, String action, JsonNode details, UUID eventSent,
        UUID eventReceived) {
}
