package com.caseclock.timeentry.rest;

import java.time.Instant;

/**
 * The caller's Clio connection, from the connection-status events of clio-connector.
 *
 * @param status               {@code connected}, {@code needsReconnect}, {@code disconnected} or {@code unknown}
 *                             (no status received yet)
 * @param connected            {@code true} when connected
 * @param needsReconnect       {@code true} when the user must sign in to Clio again
 * @param region               Clio data region ({@code US}, {@code EU}, {@code CA}, {@code AU}), or {@code null}
 * @param clioUserId           the user's Clio id, or {@code null}
 * @param lastSuccessfulSyncAt last successful Clio call, UTC, or {@code null}
 * @param reason               why, in plain words, or {@code null}
 * @param since                when the state was reported, or {@code null}
 */
public record ClioConnectionView(String status, boolean connected, boolean needsReconnect, String region,
        Long clioUserId, Instant lastSuccessfulSyncAt, String reason, Instant since) {
}
