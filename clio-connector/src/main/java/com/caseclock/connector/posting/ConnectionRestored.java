package com.caseclock.connector.posting;

/**
 * CDI event: a user's Clio connection is CONNECTED again (fire it with {@code Event<ConnectionRestored>} after the
 * connection is stored). Posting jobs parked for that user become due at once. Until it is fired, a periodic check in
 * {@link PostingScheduler} wakes them within {@code connector.posting.reconnect-check} (default 10 s).
 *
 * @param firmId the firm
 * @param userId the CaseClock user
 */
public record ConnectionRestored(String firmId, String userId) {
}
