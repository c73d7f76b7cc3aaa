package com.caseclock.timeentry.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an entry's audit trail.
 *
 * @param at            when, UTC
 * @param actor         user id, or {@code system:<component>} for automatic changes
 * @param action        what, e.g. {@code CREATED}, {@code APPROVED}, {@code SYNC_RESULT_APPLIED}
 * @param detailsJson   details as a JSON object text
 * @param eventSent     id of the event recorded for publication, or {@code null}
 * @param eventReceived id of the event that caused the change, or {@code null}
 */
public record AuditRow(Instant at, String actor, String action, String detailsJson, UUID eventSent,
        UUID eventReceived) {
}
