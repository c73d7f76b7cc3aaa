package com.caseclock.timeentry.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.service.problem.Problem;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;
import com.caseclock.timeentry.repository.EntryStatus;
import com.caseclock.timeentry.repository.FirmSettings;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.repository.TimeEntryRepository;

/**
 * Approves entries (one, or many all-or-nothing) and voids approved ones. Each change and its outbox event commit in
 * one transaction ({@link ApprovalPublisher}).
 */
@ApplicationScoped
public class ApprovalService {

    private final TimeEntryRepository entries;
    private final EntryAccess access;
    private final ApprovalRules rules;
    private final ApprovalPublisher publisher;
    private final FirmSettingsService settings;
    private final AuditTrail audit;
    private final Clock clock;

    ApprovalService(TimeEntryRepository entries, EntryAccess access, ApprovalRules rules, ApprovalPublisher publisher,
            FirmSettingsService settings, AuditTrail audit, Clock clock) {
        this.entries = entries;
        this.access = access;
        this.rules = rules;
        this.publisher = publisher;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Approves a draft (or re-sends a failed one: SYNC_FAILED goes back to APPROVED with an approval-updated event).
     *
     * @param expectedVersion the If-Match version
     * @return the approved entry
     * @throws ProblemException 404, 412 (stale), 409 (not a draft or failed entry), 422 (rules, one error per field)
     */
    @Transactional
    public TimeEntry approve(Caller caller, UUID id, long expectedVersion) {
        TimeEntry e = access.visible(caller, id);
        EntryAccess.requireVersion(e, expectedVersion);
        requireApprovable(e);
        List<Problem.FieldError> errors = rules.check(e, settings.current(e.firmId), today(caller));
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Not approvable", "The entry cannot be approved: " + summary(errors),
                    errors);
        }
        approveChecked(caller, e);
        return e;
    }

    /**
     * Approves several entries in one transaction, all or nothing.
     *
     * @return one APPROVED result per entry, in request order
     * @throws BulkApprovalRejected when any entry is invisible, stale, not approvable or listed twice (nothing changed)
     */
    @Transactional(rollbackOn = BulkApprovalRejected.class)
    public List<BulkApproval.Result> approveAll(Caller caller, BulkApproval request) {
        FirmSettings firm = settings.current(caller.firmId());
        LocalDate today = today(caller);
        List<TimeEntry> loaded = new ArrayList<>();
        List<List<Problem.FieldError>> problems = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        boolean rejected = false;
        for (BulkApproval.Item item : request.entries()) {
            List<Problem.FieldError> errors = new ArrayList<>();
            TimeEntry e = entries.find(item.id()).filter(x -> caller.canSee(x.firmId, x.userId)).orElse(null);
            if (!seen.add(item.id())) {
                errors.add(new Problem.FieldError("id", "listed more than once"));
            } else if (e == null) {
                errors.add(new Problem.FieldError("id", "time entry not found"));
            } else if (e.version != item.version()) {
                errors.add(new Problem.FieldError("version",
                        "the entry changed since (current version " + e.version + ")"));
            } else if (e.status != EntryStatus.DRAFT && e.status != EntryStatus.SYNC_FAILED) {
                errors.add(new Problem.FieldError("status", "is " + e.status + "; only drafts can be approved"));
            } else {
                errors.addAll(rules.check(e, firm, today));
            }
            rejected |= !errors.isEmpty();
            loaded.add(errors.isEmpty() ? e : null);
            problems.add(errors);
        }
        List<BulkApproval.Result> results = new ArrayList<>();
        if (rejected) {
            for (int i = 0; i < loaded.size(); i++) {
                BulkApproval.Item item = request.entries().get(i);
                List<Problem.FieldError> errors = problems.get(i);
                TimeEntry e = loaded.get(i);
                results.add(new BulkApproval.Result(item.id(), errors.isEmpty() ? "NOT_APPROVED" : "REJECTED",
                        e == null ? null : e.version, null, errors));
            }
            throw new BulkApprovalRejected(results);
        }
        for (TimeEntry e : loaded) {
            UUID eventId = approveChecked(caller, e);
            results.add(new BulkApproval.Result(e.id, "APPROVED", e.version, eventId, List.of()));
        }
        return results;
    }

    /**
     * Voids an approved, synced or failed entry and records {@code TimeEntryVoidedV1}.
     *
     * @param reason plain words, or {@code null}
     * @return the voided entry
     * @throws ProblemException 404, 412 (stale), 409 (a draft — delete it — or already voided)
     */
    @Transactional
    public TimeEntry voidEntry(Caller caller, UUID id, long expectedVersion, String reason) {
        TimeEntry e = access.visible(caller, id);
        EntryAccess.requireVersion(e, expectedVersion);
        if (!e.status.isApprovedFamily()) {
            throw new ProblemException(409, "Conflict", e.status == EntryStatus.DRAFT
                    ? "A draft is deleted, not voided."
                    : "The entry is already voided.");
        }
        EntryStatus previous = e.status;
        e.status = EntryStatus.VOIDED;
        UUID eventId = publisher.voided(e, caller.userId(), reason);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousStatus", previous);
        details.put("reason", reason);
        details.put("revision", e.version);
        audit.record(e, caller.userId(), "VOIDED", details, eventId, null);
        return e;
    }

    private UUID approveChecked(Caller caller, TimeEntry e) {
        EntryStatus previous = e.status;
        boolean first = e.publishedRevision == null;
        e.status = EntryStatus.APPROVED;
        e.approvedBy = caller.userId();
        e.approvedAt = clock.instant();
        e.syncFailureReason = null;
        e.syncFailureMessage = null;
        e.syncFailureRetryable = null;
        UUID eventId = first ? publisher.approved(e, caller.userId()) : publisher.updated(e, caller.userId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousStatus", previous);
        details.put("revision", e.version);
        details.put("durationSeconds", e.durationSeconds);
        details.put("matterId", e.matterId);
        audit.record(e, caller.userId(), first ? "APPROVED" : "RESUBMITTED", details, eventId, null);
        return eventId;
    }

    private static void requireApprovable(TimeEntry e) {
        if (e.status != EntryStatus.DRAFT && e.status != EntryStatus.SYNC_FAILED) {
            throw new ProblemException(409, "Conflict",
                    "The entry is " + e.status + "; only a draft (or a failed entry, to resend it) can be approved.");
        }
    }

    private LocalDate today(Caller caller) {
        return LocalDate.now(clock.withZone(caller.zone()));
    }

    private static String summary(List<Problem.FieldError> errors) {
        return errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }
}
