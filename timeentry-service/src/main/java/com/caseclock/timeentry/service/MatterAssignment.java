package com.caseclock.timeentry.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.timeentry.repository.MatterProjectionRepository;
import com.caseclock.timeentry.repository.MatterRow;
import com.caseclock.timeentry.repository.TimeEntry;

/**
 * Resolves a pending matter reference: when a matter of the entry's firm has a display number equal to the reference
 * (trimmed, case-insensitive), the entry gets that matter and the change goes into the audit trail.
 */
@ApplicationScoped
public class MatterAssignment {

    private final MatterProjectionRepository matters;
    private final AuditTrail audit;

    MatterAssignment(MatterProjectionRepository matters, AuditTrail audit) {
        this.matters = matters;
        this.audit = audit;
    }

    /**
     * Tries to assign the entry from its pending reference against the local projection.
     *
     * @param actor who triggered it (the user capturing or editing)
     * @return {@code true} if assigned
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryResolve(TimeEntry entry, String actor) {
        if (entry.matterId != null || entry.pendingMatterReference == null || entry.pendingMatterReference.isBlank()) {
            return false;
        }
        return matters.findByDisplayNumber(entry.firmId, entry.pendingMatterReference)
                .map(m -> {
                    assign(entry, m, actor, null);
                    return true;
                }).orElse(false);
    }

    /**
     * Assigns a matter to an entry waiting for it and records it.
     *
     * @param eventReceived the matter event that caused it, or {@code null}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assign(TimeEntry entry, MatterRow matter, String actor, UUID eventReceived) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pendingMatterReference", entry.pendingMatterReference);
        details.put("matterId", matter.clioId());
        details.put("displayNumber", matter.displayNumber());
        entry.matterId = matter.clioId();
        entry.pendingMatterReference = null;
        audit.record(entry, actor, "MATTER_ASSIGNED_AUTOMATICALLY", details, null, eventReceived);
    }
}
