package com.caseclock.timeentry.service;

import com.caseclock.events.SyncOutcome;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.timeentry.repository.EntryStatus;
import com.caseclock.timeentry.repository.TimeEntry;

/**
 * Decides whether a sync result may change an entry, so duplicates and out-of-order results never move an entry
 * backwards:
 * <ol>
 * <li>a voided entry is final: only a {@code VOIDED} result is noted, nothing changes;</li>
 * <li>a {@code VOIDED} result for an entry that is not voided here is ignored;</li>
 * <li>a result for a revision older than the last result applied, or older than the last approval event sent
 * (a newer approval is on its way), is ignored;</li>
 * <li>for the same revision as the last result applied, {@code FAILED} never replaces {@code SYNCED} (a late
 * failure after a success), while {@code SYNCED} replaces {@code SYNC_FAILED} (a retry that succeeded);</li>
 * <li>anything newer applies.</li>
 * </ol>
 */
public final class SyncResultGuard {

    private SyncResultGuard() {
    }

    /**
     * The decision and why.
     *
     * @param apply  whether the result changes the entry
     * @param reason plain words, for the audit trail
     */
    public record Decision(boolean apply, String reason) {
    }

    /**
     * @param entry  the entry as stored
     * @param result the result received
     * @return the decision
     */
    public static Decision decide(TimeEntry entry, TimeEntrySyncResultV1 result) {
        if (entry.status == EntryStatus.VOIDED) {
            return new Decision(false, result.outcome() == SyncOutcome.VOIDED
                    ? "void confirmed by Clio" : "entry is voided (final); result ignored");
        }
        if (result.outcome() == SyncOutcome.VOIDED) {
            return new Decision(false, "VOIDED result for an entry that is not voided; ignored");
        }
        long lastApplied = entry.resultRevision == null ? 0 : entry.resultRevision;
        long lastSent = entry.publishedRevision == null ? 0 : entry.publishedRevision;
        if (result.revision() < lastApplied) {
            return new Decision(false, "older than the last result applied (revision " + lastApplied + ")");
        }
        if (result.revision() < lastSent) {
            return new Decision(false, "answers revision " + result.revision() + " but revision " + lastSent
                    + " was sent since");
        }
        if (result.revision() == lastApplied && entry.status == EntryStatus.SYNCED
                && result.outcome() == SyncOutcome.FAILED) {
            return new Decision(false, "late failure for a revision already synced");
        }
        return new Decision(true, "applied");
    }
}
