package com.caseclock.timeentry.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A timer (table {@code timer}), kept in the database so an application restart loses nothing. Elapsed time is
 * computed from instants only: {@code accumulatedSeconds} (closed running periods) plus, while running, the whole
 * seconds between {@code runningSince} and now.
 */
@Entity
@Table(name = "timer")
public class Timer {

    @Id
    public UUID id;
    @Column(name = "firm_id", nullable = false)
    public String firmId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimerState state;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "running_since")
    public Instant runningSince;
    @Column(name = "accumulated_seconds", nullable = false)
    public long accumulatedSeconds;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    @Column(name = "work_date", nullable = false)
    public LocalDate workDate;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    /** The draft entry this timer extends, or (after stop) the entry it created; {@code null} before. */
    @Column(name = "entry_id")
    public UUID entryId;
    @Column
    public String note;
    @Column(name = "matter_id")
    public Long matterId;
    @Column(name = "pending_matter_reference")
    public String pendingMatterReference;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    @Column(nullable = false)
    public long version;

    /**
     * @param now the current instant
     * @return elapsed whole seconds (never negative)
     */
    public long elapsedSeconds(Instant now) {
        long running = state == TimerState.RUNNING && runningSince != null
                ? Math.max(0, Duration.between(runningSince, now).getSeconds())
                : 0;
        return accumulatedSeconds + running;
    }
}
