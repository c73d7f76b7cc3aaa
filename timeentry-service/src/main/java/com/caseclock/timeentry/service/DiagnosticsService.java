package com.caseclock.timeentry.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.service.outbox.OutboxStore;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.timeentry.repository.AuditRow;
import com.caseclock.timeentry.repository.ConnectionStatusRepository;
import com.caseclock.timeentry.repository.EntryFilter;
import com.caseclock.timeentry.repository.EntryStatus;
import com.caseclock.timeentry.repository.OutboxEventRepository;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.repository.TimeEntryRepository;

import io.agroal.api.AgroalDataSource;

/**
 * Gathers the timeentry-service part of a support diagnostics bundle ({@link Diagnostics}): connection state as this
 * service received it, recent sync failures, and one entry's trail from capture to Clio with the ids of the events
 * sent (approval events through the outbox, with their publication time) and received (sync results). Reads only.
 */
@ApplicationScoped
public class DiagnosticsService {

    /** Most recent sync failures listed. */
    static final int MAX_FAILURES = 20;
    /** Most users listed in a firm-wide bundle. */
    static final int MAX_USERS = 200;

    private final TimeEntryRepository entries;
    private final AuditTrail audit;
    private final OutboxEventRepository outboxEvents;
    private final ConnectionStatusRepository connections;
    private final OutboxStore outbox;

    DiagnosticsService(TimeEntryRepository entries, AuditTrail audit, OutboxEventRepository outboxEvents,
            ConnectionStatusRepository connections, AgroalDataSource dataSource) {
        this.entries = entries;
        this.audit = audit;
        this.outboxEvents = outboxEvents;
        this.connections = connections;
        this.outbox = new OutboxStore(dataSource);
    }

    /**
     * @param scope   whose data (see {@link DiagnosticsScope#of})
     * @param entryId an entry whose trail to include, or {@code null}
     * @return the diagnostics
     * @throws ProblemException 404 when the entry does not exist in the scope (another firm, or another user than the
     *                          scope's)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Diagnostics gather(DiagnosticsScope scope, UUID entryId) {
        Diagnostics.EntryTrail trail = entryId == null ? null : trail(scope, entryId);
        List<Diagnostics.UserConnection> users = scope.userId() != null
                ? List.of(new Diagnostics.UserConnection(scope.userId(),
                        connections.find(scope.firmId(), scope.userId()).orElse(null)))
                : connections.forFirm(scope.firmId(), MAX_USERS).entrySet().stream()
                        .map(e -> new Diagnostics.UserConnection(e.getKey(), e.getValue())).toList();
        List<TimeEntry> failures = entries.list(new EntryFilter(scope.firmId(), scope.userId(), null, null,
                EntryStatus.SYNC_FAILED, null, false), 0, MAX_FAILURES);
        return new Diagnostics(scope, users, failures, trail, outbox.backlog());
    }

    private Diagnostics.EntryTrail trail(DiagnosticsScope scope, UUID entryId) {
        TimeEntry entry = entries.find(entryId)
                .filter(e -> e.firmId.equals(scope.firmId())
                        && (scope.userId() == null || e.userId.equals(scope.userId())))
                .orElseThrow(() -> ProblemException.notFound("Time entry " + entryId));
        List<AuditRow> rows = audit.trail(entryId);
        List<UUID> sent = rows.stream().map(AuditRow::eventSent).filter(Objects::nonNull).toList();
        return new Diagnostics.EntryTrail(entry, rows, outboxEvents.find(sent));
    }
}
