package com.caseclock.timeentry.repository;

import java.time.Instant;

/**
 * The latest known Clio connection state of one user.
 *
 * @param state                {@code CONNECTED}, {@code NEEDS_RECONNECT} or {@code DISCONNECTED}
 * @param region               Clio data region ({@code US}, {@code EU}, {@code CA}, {@code AU}) or {@code null}
 * @param clioUserId           Clio user id or {@code null}
 * @param reason               plain words or {@code null}
 * @param lastSuccessfulSyncAt last successful Clio call, UTC, or {@code null}
 * @param occurredAt           when the state changed, UTC
 */
public record ConnectionRow(String state, String region, Long clioUserId, String reason, Instant lastSuccessfulSyncAt,
        Instant occurredAt) {
}
