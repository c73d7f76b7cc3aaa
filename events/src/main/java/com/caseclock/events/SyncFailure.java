package com.caseclock.events;

/**
 * Why a push to Clio failed, as carried by {@link TimeEntrySyncResultV1#failure()}.
 *
 * @param reason     failure category, not {@code null}
 * @param message    what went wrong in plain words a lawyer can read, not {@code null}
 * @param retryable  {@code true} if sending the same approval again may succeed (e.g. after reconnecting)
 * @param clioStatus HTTP status Clio answered with, or {@code null} if Clio was not reached
 * @param attempts   how many attempts the connector made (at least 1)
 */
public record SyncFailure(FailureReason reason, String message, boolean retryable, Integer clioStatus, int attempts) {
}
