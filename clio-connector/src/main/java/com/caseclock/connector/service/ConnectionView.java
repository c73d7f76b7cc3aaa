package com.caseclock.connector.service;

import java.time.Instant;

/**
 * What {@code GET /api/v1/connections/clio} shows about one user's connection.
 *
 * @param userId       the CaseClock user
 * @param connected    {@code true} when tokens work
 * @param state        CONNECTED, NEEDS_RECONNECT or NOT_CONNECTED
 * @param region       US, EU, CA or AU; null when not connected
 * @param clioUserId   the Clio user, when known
 * @param clioUserName the Clio user's name, when known
 * @param lastError    the last problem in plain words, or null
 * @param connectedAt  when the user last connected
 * @param updatedAt    when the connection last changed
 * @param sync         how the firm's sync from Clio stands (progress, last success per resource, next poll, last
 *                     error, webhooks), or null when the firm is not synced yet
 */
public record ConnectionView(String userId, boolean connected, String state, String region, Long clioUserId,
        String clioUserName, String lastError, Instant connectedAt, Instant updatedAt, FirmSyncView sync) {
}
