package com.caseclock.timeentry.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import com.caseclock.events.ApprovedTimeEntry;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;
import com.caseclock.timeentry.repository.EntryStatus;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.repository.TimeEntryRepository;
import com.caseclock.timeentry.repository.Timer;
import com.caseclock.timeentry.repository.TimerRepository;
import com.caseclock.timeentry.repository.TimerState;

/**
 * Timers: start, pause, resume, stop. A timer lives in the database, so a restart loses nothing; elapsed time comes
 * from instants of the injected {@link Clock}. A user may run at most the firm's {@code maxRunningTimers} at once
 * (default 1). Stopping adds the elapsed seconds to the draft the timer was started for, or creates a draft; an entry
 * holds at most 86,400 seconds, so a longer timer fills the entry to that bound (the timer keeps the full count).
 * Timers are personal: only their owner sees them (others get 404).
 */
@ApplicationScoped
public class TimerService {

    private final TimerRepository timers;
    private final TimeEntryRepository entries;
    private final EntryService entryService;
    private final FirmSettingsService settings;
    private final AuditTrail audit;
    private final Clock clock;

    TimerService(TimerRepository timers, TimeEntryRepository entries, EntryService entryService,
            FirmSettingsService settings, AuditTrail audit, Clock clock) {
        this.timers = timers;
        this.entries = entries;
        this.entryService = entryService;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the caller's running and paused timers, oldest first */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Timer> active(Caller caller) {
        return timers.active(caller.firmId(), caller.userId());
    }

    /** @return the caller's timer @throws ProblemException 404 if not theirs */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Timer get(Caller caller, UUID id) {
        return own(caller, id);
    }

    /**
     * Starts a timer now.
     *
     * @throws ProblemException 409 when the caller already runs the most timers allowed, 404/409 for an entry that is
     *                          not the caller's draft
     */
    @Transactional
    public Timer start(Caller caller, StartTimer request) {
        timers.lockUser(caller.firmId(), caller.userId());
        requireRoomForOneMore(caller);
        Instant now = now();
        Timer t = new Timer();
        t.id = UUID.randomUUID();
        t.firmId = caller.firmId();
        t.userId = caller.userId();
        t.state = TimerState.RUNNING;
        t.startedAt = now;
        t.runningSince = now;
        t.timeZone = caller.zone().getId();
        t.workDate = LocalDate.ofInstant(now, caller.zone());
        if (request != null && request.entryId() != null) {
            TimeEntry e = entries.find(request.entryId())
                    .filter(x -> x.firmId.equals(caller.firmId()) && x.userId.equals(caller.userId()))
                    .orElseThrow(() -> ProblemException.notFound("Time entry " + request.entryId()));
            if (e.status != EntryStatus.DRAFT) {
                throw new ProblemException(409, "Conflict", "A timer can only extend a draft entry.");
            }
            t.entryId = e.id;
            t.workDate = e.workDate;
        } else if (request != null) {
            t.note = request.note();
            t.matterId = request.matterId();
            t.pendingMatterReference = request.matterId() == null ? request.pendingMatterReference() : null;
        }
        t.createdAt = now;
        t.updatedAt = now;
        timers.persist(t);
        return t;
    }

    /** Pauses a running timer. @throws ProblemException 404, 409 if not running */
    @Transactional
    public Timer pause(Caller caller, UUID id) {
        Timer t = own(caller, id);
        if (t.state != TimerState.RUNNING) {
            throw new ProblemException(409, "Conflict", "The timer is " + t.state + ", not running.");
        }
        Instant now = now();
        t.accumulatedSeconds = t.elapsedSeconds(now);
        t.runningSince = null;
        t.state = TimerState.PAUSED;
        t.updatedAt = now;
        return flushed(t);
    }

    /** Resumes a paused timer. @throws ProblemException 404, 409 if not paused or too many running */
    @Transactional
    public Timer resume(Caller caller, UUID id) {
        timers.lockUser(caller.firmId(), caller.userId());
        Timer t = own(caller, id);
        if (t.state != TimerState.PAUSED) {
            throw new ProblemException(409, "Conflict", "The timer is " + t.state + ", not paused.");
        }
        requireRoomForOneMore(caller);
        Instant now = now();
        t.runningSince = now;
        t.state = TimerState.RUNNING;
        t.updatedAt = now;
        return flushed(t);
    }

    /**
     * Stops a running or paused timer and puts its time into a draft.
     *
     * @return the stopped timer and the draft created or extended
     * @throws ProblemException 404, 409 if already stopped
     */
    @Transactional
    public TimerStop stop(Caller caller, UUID id) {
        Timer t = own(caller, id);
        if (t.state == TimerState.STOPPED) {
            throw new ProblemException(409, "Conflict", "The timer is already stopped.");
        }
        Instant now = now();
        t.accumulatedSeconds = t.elapsedSeconds(now);
        t.runningSince = null;
        t.state = TimerState.STOPPED;
        t.stoppedAt = now;
        t.updatedAt = now;
        long seconds = t.accumulatedSeconds;
        TimeEntry target = t.entryId == null ? null
                : entries.find(t.entryId).filter(e -> e.status == EntryStatus.DRAFT).orElse(null);
        TimeEntry entry;
        if (target != null) {
            long before = target.durationSeconds;
            target.durationSeconds = Math.min(ApprovedTimeEntry.MAX_DURATION_SECONDS, before + seconds);
            target.updatedAt = now;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("timerId", t.id);
            details.put("timerSeconds", seconds);
            details.put("durationSeconds", List.of(before, target.durationSeconds));
            audit.record(target, caller.userId(), "EXTENDED_BY_TIMER", details, null, null);
            entry = target;
        } else {
            entry = entryService.createFromTimer(caller, t.workDate, t.timeZone,
                    Math.min(ApprovedTimeEntry.MAX_DURATION_SECONDS, seconds), t.note, t.matterId,
                    t.pendingMatterReference, t.id);
        }
        t.entryId = entry.id;
        flushed(t);
        return new TimerStop(t, entry);
    }

    /**
     * @return the current instant at the database's precision (microseconds), so an instant read back from the
     *         database is the one computed here (PostgreSQL rounds finer values, which could lose a second)
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Timer own(Caller caller, UUID id) {
        return timers.find(id).filter(t -> t.firmId.equals(caller.firmId()) && t.userId.equals(caller.userId()))
                .orElseThrow(() -> ProblemException.notFound("Timer " + id));
    }

    private void requireRoomForOneMore(Caller caller) {
        int max = settings.current(caller.firmId()).maxRunningTimers;
        long running = timers.active(caller.firmId(), caller.userId()).stream()
                .filter(x -> x.state == TimerState.RUNNING).count();
        if (running >= max) {
            throw new ProblemException(409, "Conflict", "A timer is already running (the firm allows " + max
                    + " at a time). Pause or stop it first.");
        }
    }

    private Timer flushed(Timer t) {
        try {
            entries.flush();
        } catch (OptimisticLockException e) {
            throw Preconditions.lostRace();
        }
        return t;
    }
}
