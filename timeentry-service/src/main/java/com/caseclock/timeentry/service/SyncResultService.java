package com.caseclock.timeentry.service;

import java.util.LinkedHashMap;
import java.util.Map;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.caseclock.events.Money;
import com.caseclock.events.SyncOutcome;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.timeentry.repository.EntryStatus;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.repository.TimeEntryRepository;

/**
 * Applies sync results from clio-connector to entries, guarded by {@link SyncResultGuard}; every result received for
 * a known entry, applied or not, goes into its audit trail with the result's event id.
 */
@ApplicationScoped
public class SyncResultService {

    private static final Logger LOG = Logger.getLogger(SyncResultService.class);

    private final TimeEntryRepository entries;
    private final AuditTrail audit;

    SyncResultService(TimeEntryRepository entries, AuditTrail audit) {
        this.entries = entries;
        this.audit = audit;
    }

    /**
     * @param result the result (its event id was already recorded in the inbox)
     * @return {@code true} if the entry changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(TimeEntrySyncResultV1 result) {
        TimeEntry e = entries.find(result.timeEntryId()).filter(x -> x.firmId.equals(result.firmId())).orElse(null);
        if (e == null) {
            LOG.debugf("Sync result %s for unknown entry %s of firm %s ignored", result.eventId(),
                    result.timeEntryId(), result.firmId());
            return false;
        }
        SyncResultGuard.Decision decision = SyncResultGuard.decide(e, result);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outcome", result.outcome());
        details.put("revision", result.revision());
        details.put("sourceEventId", result.sourceEventId());
        details.put("clioActivityId", result.clioActivityId());
        if (result.failure() != null) {
            details.put("failureReason", result.failure().reason());
            details.put("failureMessage", result.failure().message());
            details.put("retryable", result.failure().retryable());
        }
        details.put("decision", decision.reason());
        if (!decision.apply()) {
            audit.record(e, AuditTrail.SYSTEM_SYNC, "SYNC_RESULT_IGNORED", details, null, result.eventId());
            return false;
        }
        EntryStatus previous = e.status;
        applyFields(e, result);
        details.put("previousStatus", previous);
        details.put("status", e.status);
        audit.record(e, AuditTrail.SYSTEM_SYNC, "SYNC_RESULT_APPLIED", details, null, result.eventId());
        return true;
    }

    private static void applyFields(TimeEntry e, TimeEntrySyncResultV1 r) {
        e.resultRevision = r.revision();
        e.updatedAt = r.occurredAt();
        if (r.clioActivityId() != null) {
            e.clioActivityId = r.clioActivityId();
        }
        if (r.clioQuantitySeconds() != null) {
            e.clioQuantitySeconds = r.clioQuantitySeconds();
        }
        setPrice(e, r.clioPrice());
        setTotal(e, r.clioTotal());
        if (r.billed() != null) {
            e.clioBilled = r.billed();
        }
        if (r.expectedRate() != null) {
            e.expectedRateAmount = r.expectedRate().amount();
            e.expectedRateCurrency = r.expectedRate().currency();
        }
        e.rateMismatch = r.rateMismatch();
        if (r.outcome() == SyncOutcome.SYNCED) {
            e.status = EntryStatus.SYNCED;
            e.lastSyncedAt = r.occurredAt();
            e.syncFailureReason = null;
            e.syncFailureMessage = null;
            e.syncFailureRetryable = null;
        } else {
            e.status = EntryStatus.SYNC_FAILED;
            e.syncFailureReason = r.failure().reason().name();
            e.syncFailureMessage = r.failure().message();
            e.syncFailureRetryable = r.failure().retryable();
        }
    }

    private static void setPrice(TimeEntry e, Money m) {
        if (m != null) {
            e.clioPriceAmount = m.amount();
            e.clioPriceCurrency = m.currency();
        }
    }

    private static void setTotal(TimeEntry e, Money m) {
        if (m != null) {
            e.clioTotalAmount = m.amount();
            e.clioTotalCurrency = m.currency();
        }
    }

}
