package com.caseclock.connector.service;

import java.time.Instant;
import java.util.List;

/**
 * How a firm's sync from Clio stands, as shown with a connection.
 *
 * @param syncUserId        the CaseClock user whose connection syncs the firm
 * @param backfillComplete  whether the first full backfill finished
 * @param recordsDone       records listed by the first backfill so far
 * @param recordsEstimated  the estimated total, when Clio gave one (may be null)
 * @param nextPollAt        when the next incremental poll is due
 * @param lastError         the last problem, in plain words, or null
 * @param lastErrorAt       when it happened
 * @param resources         last successful sync per resource (matters, contacts, users, activity_rates,
 *                          activity_descriptions)
 * @param webhooks          the firm's Clio webhooks: model, status (pending, enabled, suspended) and expiry
 */
public record FirmSyncView(String syncUserId, boolean backfillComplete, long recordsDone, Long recordsEstimated,
        Instant nextPollAt, String lastError, Instant lastErrorAt, List<ResourceSync> resources,
        List<WebhookState> webhooks) {

    /**
     * @param resource      the Clio resource
     * @param lastSuccessAt when its last pass completed, or null
     */
    public record ResourceSync(String resource, Instant lastSuccessAt) {
    }

    /**
     * @param model     matter or contact
     * @param status    pending, enabled or suspended, as Clio last said
     * @param expiresAt when Clio drops it unless renewed
     */
    public record WebhookState(String model, String status, Instant expiresAt) {
    }
}
