package com.caseclock.timeentry.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.events.Money;
import com.caseclock.service.problem.Problem;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;
import com.caseclock.timeentry.repository.EntryFilter;
import com.caseclock.timeentry.repository.EntryStatus;
import com.caseclock.timeentry.repository.MatterProjectionRepository;
import com.caseclock.timeentry.repository.MatterRow;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.repository.TimeEntryRepository;

/**
 * Captures, lists, changes and deletes time entries ("capture first, fix later"). Approval and void are in
 * {@link ApprovalService}.
 */
@ApplicationScoped
public class EntryService {

    private static final int MAX_CANDIDATES = 10;

    private final TimeEntryRepository entries;
    private final EntryAccess access;
    private final MatterAssignment assignment;
    private final MatterProjectionRepository matters;
    private final ApprovalRules rules;
    private final ApprovalPublisher publisher;
    private final FirmSettingsService settings;
    private final AuditTrail audit;
    private final Clock clock;

    EntryService(TimeEntryRepository entries, EntryAccess access, MatterAssignment assignment,
            MatterProjectionRepository matters, ApprovalRules rules, ApprovalPublisher publisher,
            FirmSettingsService settings, AuditTrail audit, Clock clock) {
        this.entries = entries;
        this.access = access;
        this.assignment = assignment;
        this.matters = matters;
        this.rules = rules;
        this.publisher = publisher;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Captures a draft entry for the caller. A pending matter reference that equals a known display number is
     * resolved at once.
     *
     * @return the stored draft (version 0)
     * @throws ProblemException 400 for inconsistent input (both a matter and a pending reference, a bad rate)
     */
    @Transactional
    public TimeEntry create(Caller caller, NewEntry request) {
        if (request.matterId() != null && blankToNull(request.pendingMatterReference()) != null) {
            throw ProblemException.badRequest("pendingMatterReference",
                    "give either matterId or pendingMatterReference, not both");
        }
        WorkDates.check("workDate", request.workDate());
        checkRate(RateInput.moneyOf(request.rateOverride()));
        TimeEntry e = new TimeEntry();
        e.id = UUID.randomUUID();
        e.firmId = caller.firmId();
        e.userId = caller.userId();
        e.timeZone = caller.zone().getId();
        e.workDate = request.workDate() != null ? request.workDate() : today(caller);
        e.durationSeconds = request.durationSeconds() == null ? 0 : request.durationSeconds();
        e.note = request.note() == null ? "" : request.note();
        e.matterId = request.matterId();
        e.pendingMatterReference = blankToNull(request.pendingMatterReference());
        e.activityDescriptionId = request.activityDescriptionId();
        e.nonBillable = Boolean.TRUE.equals(request.nonBillable());
        e.rateOverride(RateInput.moneyOf(request.rateOverride()));
        e.status = EntryStatus.DRAFT;
        e.createdAt = clock.instant();
        e.updatedAt = e.createdAt;
        entries.persist(e);
        audit.record(e, caller.userId(), "CREATED", fields(e), null, null);
        if (assignment.tryResolve(e, caller.userId())) {
            e.updatedAt = clock.instant();
        }
        entries.flush();
        return e;
    }

    /**
     * Captures a draft from a stopped timer.
     *
     * @return the stored draft
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TimeEntry createFromTimer(Caller caller, LocalDate workDate, String timeZone, long seconds, String note,
            Long matterId, String pendingReference, UUID timerId) {
        TimeEntry e = new TimeEntry();
        e.id = UUID.randomUUID();
        e.firmId = caller.firmId();
        e.userId = caller.userId();
        e.timeZone = timeZone;
        e.workDate = workDate;
        e.durationSeconds = seconds;
        e.note = note == null ? "" : note;
        e.matterId = matterId;
        e.pendingMatterReference = matterId == null ? blankToNull(pendingReference) : null;
        e.status = EntryStatus.DRAFT;
        e.createdAt = clock.instant();
        e.updatedAt = e.createdAt;
        entries.persist(e);
        Map<String, Object> details = fields(e);
        details.put("timerId", timerId);
        audit.record(e, caller.userId(), "CREATED_FROM_TIMER", details, null, null);
        assignment.tryResolve(e, caller.userId());
        entries.flush();
        return e;
    }

    /** @return the entry, if the caller may see it @throws ProblemException 404 otherwise */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TimeEntry get(Caller caller, UUID id) {
        return access.visible(caller, id);
    }

    /** @return a page of the entries the caller may see, with per-day and per-week totals of all matches */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EntryPage list(Caller caller, EntryQuery q) {
        String user = caller.isFirmAdmin() ? q.userId() : caller.userId();
        EntryFilter filter = new EntryFilter(caller.firmId(), user, q.from(), q.to(), q.status(), q.matterId(),
                q.unassigned());
        List<TimeEntry> items = entries.list(filter, q.page() * q.size(), q.size());
        long total = entries.count(filter);
        Map<LocalDate, Long> days = entries.secondsPerDay(filter);
        List<EntryPage.DayTotal> perDay = new ArrayList<>();
        TreeMap<LocalDate, Long> weeks = new TreeMap<>();
        days.forEach((date, seconds) -> {
            perDay.add(new EntryPage.DayTotal(date, seconds));
            weeks.merge(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), seconds, Long::sum);
        });
        List<EntryPage.WeekTotal> perWeek = weeks.entrySet().stream()
                .map(w -> new EntryPage.WeekTotal(w.getKey(), w.getValue())).toList();
        return new EntryPage(items, q.page(), q.size(), total, perDay, perWeek);
    }

    /**
     * Applies merge-patch changes. A draft just changes. An approved, synced or failed entry must still pass the
     * approval rules, goes back to APPROVED and a {@code TimeEntryApprovalUpdatedV1} is recorded in the outbox in the
     * same transaction. A voided entry cannot change.
     *
     * @param expectedVersion the If-Match version
     * @return the changed entry
     * @throws ProblemException 404, 409 (voided), 412 (stale), 400 (bad input), 422 (approval rules)
     */
    @Transactional
    public TimeEntry patch(Caller caller, UUID id, long expectedVersion, EntryChanges changes) {
        TimeEntry e = access.visible(caller, id);
        EntryAccess.requireVersion(e, expectedVersion);
        if (e.status == EntryStatus.VOIDED) {
            throw new ProblemException(409, "Conflict", "A voided entry cannot be changed.");
        }
        if (changes.isEmpty()) {
            return e;
        }
        Map<String, Object> before = fields(e);
        apply(e, changes);
        Map<String, Object> after = fields(e);
        Map<String, Object> diff = diff(before, after);
        if (diff.isEmpty()) {
            return e;
        }
        if (e.status == EntryStatus.DRAFT) {
            e.updatedAt = clock.instant();
            audit.record(e, caller.userId(), "UPDATED", diff, null, null);
            if (changes.pendingMatterReference != null && assignment.tryResolve(e, caller.userId())) {
                e.updatedAt = clock.instant();
            }
            entries.flush();
            return e;
        }
        List<Problem.FieldError> errors = rules.check(e, settings.current(e.firmId), today(caller));
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Not approvable",
                    "The entry is approved; after this change it could no longer be approved: "
                            + errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b)
                                    .orElse(""),
                    errors);
        }
        EntryStatus previous = e.status;
        e.status = EntryStatus.APPROVED;
        e.syncFailureReason = null;
        e.syncFailureMessage = null;
        e.syncFailureRetryable = null;
        UUID eventId = publisher.updated(e, caller.userId());
        diff.put("status", List.of(previous, EntryStatus.APPROVED));
        audit.record(e, caller.userId(), "UPDATED_AFTER_APPROVAL", diff, eventId, null);
        return e;
    }

    /**
     * Deletes a draft (an approved entry is voided instead).
     *
     * @throws ProblemException 404, 412 (stale), 409 (not a draft)
     */
    @Transactional
    public void delete(Caller caller, UUID id, long expectedVersion) {
        TimeEntry e = access.visible(caller, id);
        EntryAccess.requireVersion(e, expectedVersion);
        if (e.status != EntryStatus.DRAFT) {
            throw new ProblemException(409, "Conflict",
                    "Only a draft can be deleted; an approved entry is voided instead (POST .../void).");
        }
        audit.record(e, caller.userId(), "DELETED", fields(e), null, null);
        entries.delete(e);
        entries.flush();
    }

    /**
     * @return matters of the caller's firm that may be the one meant by an unassigned entry (open or pending, ranked
     *         by how well they match its pending reference); empty for an assigned entry
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MatterRow> candidates(Caller caller, UUID id) {
        TimeEntry e = access.visible(caller, id);
        return candidates(e);
    }

    /** @return candidate matters for an entry (empty once it has a matter) */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MatterRow> candidates(TimeEntry e) {
        if (e.matterId != null) {
            return List.of();
        }
        return matters.candidates(e.firmId, e.pendingMatterReference, MAX_CANDIDATES);
    }

    private void apply(TimeEntry e, EntryChanges c) {
        if (c.workDate != null) {
            e.workDate = WorkDates.check("workDate", c.workDate.orElseThrow());
        }
        if (c.durationSeconds != null) {
            e.durationSeconds = c.durationSeconds.orElseThrow();
        }
        if (c.note != null) {
            e.note = c.note.orElseThrow();
        }
        if (c.nonBillable != null) {
            e.nonBillable = c.nonBillable.orElseThrow();
        }
        if (c.activityDescriptionId != null) {
            e.activityDescriptionId = c.activityDescriptionId.orElse(null);
        }
        if (c.rateOverride != null) {
            Money rate = c.rateOverride.map(RateInput::toMoney).orElse(null);
            checkRate(rate);
            e.rateOverride(rate);
        }
        if (c.matterId != null && c.matterId.isPresent() && c.pendingMatterReference != null
                && c.pendingMatterReference.map(EntryService::blankToNull).isPresent()) {
            throw ProblemException.badRequest("pendingMatterReference",
                    "give either matterId or pendingMatterReference, not both");
        }
        if (c.pendingMatterReference != null) {
            e.pendingMatterReference = c.pendingMatterReference.map(EntryService::blankToNull).orElse(null);
            if (e.pendingMatterReference != null) {
                e.matterId = null;
            }
        }
        if (c.matterId != null) {
            e.matterId = c.matterId.orElse(null);
            if (e.matterId != null) {
                e.pendingMatterReference = null;
            }
        }
    }

    private static void checkRate(Money rate) {
        if (rate == null) {
            return;
        }
        if (rate.amount().signum() <= 0) {
            throw ProblemException.badRequest("rateOverride.amount", "must be positive");
        }
        if (rate.amount().scale() > 6 || rate.amount().precision() - rate.amount().scale() > 13) {
            throw ProblemException.badRequest("rateOverride.amount",
                    "at most 13 digits before and 6 after the decimal point");
        }
    }

    private LocalDate today(Caller caller) {
        return LocalDate.now(clock.withZone(caller.zone()));
    }

    static Map<String, Object> fields(TimeEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workDate", e.workDate);
        m.put("durationSeconds", e.durationSeconds);
        m.put("note", e.note);
        m.put("matterId", e.matterId);
        m.put("pendingMatterReference", e.pendingMatterReference);
        m.put("activityDescriptionId", e.activityDescriptionId);
        m.put("nonBillable", e.nonBillable);
        Money rate = e.rateOverride();
        m.put("rateOverride", rate == null ? null : rate.toString());
        m.put("status", e.status);
        return m;
    }

    private static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> diff = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            Object old = before.get(k);
            if (!Objects.equals(old, v)) {
                diff.put(k, java.util.Arrays.asList(old, v));
            }
        });
        return diff;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
