package com.caseclock.timeentry.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.events.MatterChangedV1;
import com.caseclock.timeentry.repository.MatterProjectionRepository;
import com.caseclock.timeentry.repository.MatterRow;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.repository.TimeEntryRepository;

/**
 * Keeps the slim matter projection and assigns waiting entries: when a matter is new or changed, every draft of that
 * firm whose pending reference equals the display number (trimmed, case-insensitive) gets the matter, recorded in
 * its audit trail with the matter event's id.
 */
@ApplicationScoped
public class MatterProjectionService {

    private final MatterProjectionRepository matters;
    private final TimeEntryRepository entries;
    private final MatterAssignment assignment;
    private final Clock clock;

    MatterProjectionService(MatterProjectionRepository matters, TimeEntryRepository entries,
            MatterAssignment assignment, Clock clock) {
        this.matters = matters;
        this.entries = entries;
        this.assignment = assignment;
        this.clock = clock;
    }

    /**
     * @param event a matter snapshot
     * @return how many entries were assigned
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int changed(MatterChangedV1 event) {
        if (!matters.upsertIfNewer(event.firmId(), event.matter())) {
            return 0;
        }
        MatterRow row = new MatterRow(event.matter().clioId(), event.matter().displayNumber(),
                event.matter().description(), event.matter().clientName(), event.matter().status().name());
        int assigned = 0;
        for (TimeEntry e : entries.pendingFor(event.firmId(), event.matter().displayNumber())) {
            assignment.assign(e, row, AuditTrail.SYSTEM_MATTERS, event.eventId());
            e.updatedAt = clock.instant();
            assigned++;
        }
        entries.flush();
        return assigned;
    }

    /**
     * Deletes a matter on a tombstone.
     *
     * @param key the record key {@code <firmId>:<clioMatterId>}
     * @param eventId the tombstone's {@code ce_id}
     * @throws IllegalArgumentException if the key is malformed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(String key, UUID eventId) {
        int colon = key.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Matter key is not <firmId>:<clioMatterId>: " + key);
        }
        matters.delete(key.substring(0, colon), Long.parseLong(key.substring(colon + 1)));
    }
}
