package com.caseclock.timeentry.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.caseclock.service.outbox.OutboxStore;
import com.caseclock.timeentry.repository.AuditRow;
import com.caseclock.timeentry.repository.ConnectionRow;
import com.caseclock.timeentry.repository.OutboxEventRepository.Publication;
import com.caseclock.timeentry.repository.TimeEntry;

/**
 * What timeentry-service knows that support needs when sync goes wrong, gathered by {@link DiagnosticsService}.
 *
 * @param scope          whose data
 * @param connections    the Clio connection state per user as received from clio-connector (one item, possibly
 *                       without a state, for a user scope; every user with a state for a firm scope)
 * @param recentFailures the scope's newest entries in {@code SYNC_FAILED}, newest work date first
 * @param entry          the requested entry's trail, or {@code null} when no entry was asked for
 * @param outboxBacklog  the service's events recorded but not yet published to Kafka (all firms)
 */
public record Diagnostics(DiagnosticsScope scope, List<UserConnection> connections, List<TimeEntry> recentFailures,
        EntryTrail entry, OutboxStore.Backlog outboxBacklog) {

    /**
     * @param userId CaseClock user id
     * @param state  the latest connection state received, or {@code null} if none was ever received
     */
    public record UserConnection(String userId, ConnectionRow state) {
    }

    /**
     * An entry from capture to Clio.
     *
     * @param entry        the entry as stored now
     * @param audit        its audit trail, oldest first
     * @param publications the outbox rows of the events its audit lines sent, by event id (a sent event whose row
     *                     was removed by housekeeping is missing)
     */
    public record EntryTrail(TimeEntry entry, List<AuditRow> audit, Map<UUID, Publication> publications) {
    }
}
