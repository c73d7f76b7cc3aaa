package com.caseclock.timeentry.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.caseclock.timeentry.repository.TimerState;

/**
 * A timer.
 *
 * @param id             timer id
 * @param state          RUNNING, PAUSED or STOPPED
 * @param startedAt      when it was started, UTC
 * @param runningSince   start of the current running period, or {@code null} when not running
 * @param elapsedSeconds whole seconds counted so far (at the time of the answer)
 * @param stoppedAt      when it was stopped, or {@code null}
 * @param workDate       work date the time goes to
 * @param entryId        the draft it extends, or (once stopped) the draft it created
 * @param note           note for the new draft
 * @param matterId       matter for the new draft
 * @param pendingMatterReference pending matter reference for the new draft
 * @param version        row version
 */
public record TimerView(UUID id, TimerState state, Instant startedAt, Instant runningSince, long elapsedSeconds,
        Instant stoppedAt, LocalDate workDate, UUID entryId, String note, Long matterId,
        String pendingMatterReference, long version) {
}
