package com.caseclock.timeentry.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.events.EventJson;
import com.caseclock.timeentry.repository.AuditRepository;
import com.caseclock.timeentry.repository.AuditRow;
import com.caseclock.timeentry.repository.TimeEntry;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Writes and reads the audit trail of time entries: every change, with who (a user id or {@code system:<part>}),
 * when, what ({@code action} + a details object) and the event sent or received.
 */
@ApplicationScoped
public class AuditTrail {

    /** Actor of changes made by the matter projection (automatic assignment). */
    public static final String SYSTEM_MATTERS = "system:matter-projection";
    /** Actor of changes made by sync results from clio-connector. */
    public static final String SYSTEM_SYNC = "system:clio-sync";

    private final AuditRepository repository;
    private final Clock clock;

    AuditTrail(AuditRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Records one change; must run in the transaction of the change.
     *
     * @param entry         the entry changed
     * @param actor         who
     * @param action        what, upper-case verb phrase (e.g. {@code APPROVED})
     * @param details       details (JSON-serialisable values; nulls kept)
     * @param eventSent     id of the event recorded in the outbox, or {@code null}
     * @param eventReceived id of the event that caused the change, or {@code null}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(TimeEntry entry, String actor, String action, Map<String, ?> details, UUID eventSent,
            UUID eventReceived) {
        repository.append(entry.id, entry.firmId,
                new AuditRow(clock.instant(), actor, action, json(details), eventSent, eventReceived));
    }

    /** @return the trail of an entry, oldest first */
    public List<AuditRow> trail(UUID entryId) {
        return repository.trail(entryId);
    }

    private static String json(Map<String, ?> details) {
        try {
            return EventJson.mapper().writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit details are not serialisable", e);
        }
    }
}
