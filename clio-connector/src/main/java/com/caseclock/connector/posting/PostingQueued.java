package com.caseclock.connector.posting;

/**
 * CDI event {@link PostingIntake} fires when a posting job became due (a new job, a newer revision, a re-queued job).
 * {@link PostingScheduler} observes it after the consumer's transaction commits and dispatches at once, so an approved
 * entry does not wait for the next {@code connector.posting.tick}.
 *
 * @param firmId the firm whose job is due
 */
public record PostingQueued(String firmId) {
}
