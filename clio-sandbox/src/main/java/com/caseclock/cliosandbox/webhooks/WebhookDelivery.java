package com.caseclock.cliosandbox.webhooks;

import java.time.Instant;

/**
 * One delivery attempt (handshakes included), for diagnostics.
 *
 * @param kind    {@code handshake} or the event ({@code created}, {@code updated}, {@code deleted})
 * @param attempt 1 for the first try, 2.. for retries
 * @param status  receiver's HTTP status, or 0 on a connection error/timeout
 */
public record WebhookDelivery(long webhookId, String kind, int attempt, int status, Instant at) {}
