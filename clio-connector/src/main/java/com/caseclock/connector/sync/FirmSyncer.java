package com.caseclock.connector.sync;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.caseclock.connector.client.ClioApiClient;
import com.caseclock.connector.client.ClioApiException;
import com.caseclock.connector.client.ClioPage;
import com.caseclock.connector.client.ClioUnavailable;
import com.caseclock.connector.config.ConnectorConfig;
import com.caseclock.connector.service.ConnectionService;
import com.caseclock.connector.service.ConnectionService.AccessToken;
import com.caseclock.connector.service.NeedsReconnect;
import com.caseclock.connector.webhook.WebhookRegistrar;
import com.caseclock.connector.webhook.WebhookStore;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One sync run of one firm: for each {@link SyncedResource}, a pass over Clio's list endpoint with {@code order=id(asc)}
 * and cursor pagination (https://docs.developers.clio.com/api-docs/paging), filtered by {@code updated_since} from the
 * previous pass's start minus an overlap window. Each page is applied in one transaction: every new or changed record
 * (by etag) becomes a snapshot event in the outbox, and the cursor of the next page is saved, so a run stopped by a
 * 429, a failure or a crash resumes where it stopped and nothing is published twice for the same version.
 *
 * <p>A change made while a pass is paging is not lost: its {@code updated_at} is after the pass's start, which is
 * the next pass's watermark.
 */
@ApplicationScoped
public class FirmSyncer {

    private static final Logger LOG = Logger.getLogger(FirmSyncer.class);

    /**
     * How a run ended.
     *
     * @param nextIn when the firm is due again
     * @param error  plain words when it did not complete, else {@code null}
     */
    public record Outcome(Duration nextIn, String error) {
    }

    private final ConnectionService connections;
    private final PageFetcher fetcher;
    private final ClioApiClient api;
    private final SyncStore store;
    private final Snapshots snapshots;
    private final WebhookRegistrar webhooks;
    private final WebhookStore webhookStore;
    private final ConnectorConfig config;
    private final Clock clock;

    FirmSyncer(ConnectionService connections, PageFetcher fetcher, ClioApiClient api, SyncStore store,
            Snapshots snapshots, WebhookRegistrar webhooks, WebhookStore webhookStore, ConnectorConfig config,
            Clock clock) {
        this.webhooks = webhooks;
        this.webhookStore = webhookStore;
        this.connections = connections;
        this.fetcher = fetcher;
        this.api = api;
        this.store = store;
        this.snapshots = snapshots;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Runs one sync of a firm.
     *
     * @param claim the claimed firm
     * @return when to run again, and why it stopped early if it did
     */
    public Outcome run(SyncStore.Claim claim) {
        Duration interval = config.sync().pollInterval();
        try {
            AccessToken token = connections.accessToken(claim.firmId(), claim.syncUserId());
            webhooks.ensure(claim.firmId(), token);
            applyPendingChanges(claim.firmId(), token);
            for (SyncedResource resource : SyncedResource.values()) {
                token = pass(claim.firmId(), claim.syncUserId(), token, resource);
            }
            if (!claim.backfillDone()) {
                QuarkusTransaction.requiringNew().run(() -> store.backfillCompleted(claim.firmId()));
                LOG.infof("First backfill of firm %s complete", claim.firmId());
            }
            return new Outcome(interval, null);
        } catch (NeedsReconnect e) {
            return new Outcome(interval, "The Clio connection used to sync this firm needs to be reconnected");
        } catch (ClioApiException e) {
            if (e.status() == 429) {
                long wait = e.retryAfterSeconds() == null ? 60 : Math.max(1, e.retryAfterSeconds());
                return new Outcome(Duration.ofSeconds(wait), "Clio is throttling this firm (HTTP 429); resuming in "
                        + wait + " s");
            }
            return new Outcome(config.sync().retryAfterFailure(), "Clio refused a sync request (HTTP " + e.status()
                    + ")");
        } catch (ClioUnavailable e) {
            return new Outcome(config.sync().retryAfterFailure(), "Clio was unavailable; retrying in "
                    + config.sync().retryAfterFailure().toSeconds() + " s");
        }
    }

    private AccessToken pass(String firmId, String userId, AccessToken token, SyncedResource resource) {
        String name = resource.resourceName();
        SyncStore.Watermark watermark = QuarkusTransaction.requiringNew().call(() -> store.watermark(firmId, name));
        boolean resume = resource.incremental() && watermark.nextPageUrl() != null;
        Instant passStart = resume ? watermark.passStartedAt() : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String url = resume ? watermark.nextPageUrl()
                : firstPage(token, resource, resource.incremental() ? watermark.updatedSince() : null);
        boolean backfill = resource.incremental() && watermark.updatedSince() == null;
        String resumeUrl = resume ? watermark.nextPageUrl() : null;
        QuarkusTransaction.requiringNew().run(() -> store.passAt(firmId, name, passStart, resumeUrl));
        Set<Long> seen = new HashSet<>();
        while (url != null) {
            ClioPage page;
            try {
                page = fetcher.fetch(token.region(), token.value(), url);
            } catch (ClioApiException e) {
                if (e.status() != 401) {
                    throw e;
                }
                // The token was refused before its recorded expiry (revoked or rotated at Clio): refresh once.
                token = connections.refreshNow(firmId, userId);
                page = fetcher.fetch(token.region(), token.value(), url);
            }
            ClioPage current = page;
            String next = page.next();
            page.data().forEach(r -> seen.add(r.path("id").asLong()));
            QuarkusTransaction.requiringNew().run(() -> apply(firmId, resource, current, passStart,
                    resource.incremental() ? next : null, backfill));
            url = next;
        }
        if (!resource.incremental()) {
            // A complete listing: what we published before and Clio no longer lists was deleted.
            QuarkusTransaction.requiringNew().run(() -> {
                for (long gone : store.knownIds(firmId, name)) {
                    if (!seen.contains(gone)) {
                        snapshots.deleted(firmId, resource, gone);
                    }
                }
            });
        }
        QuarkusTransaction.requiringNew().run(() -> store.passCompleted(firmId, name, passStart));
        return token;
    }

    /**
     * Applies what webhooks reported since the last run: fetches each created or updated record (a record Clio no
     * longer has is deleted) and publishes it, or publishes the tombstone of a deleted one. A batch is taken, fetched
     * and published in one transaction, so a failure leaves it pending for the next run.
     */
    private void applyPendingChanges(String firmId, AccessToken token) {
        List<WebhookStore.PendingChange> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<WebhookStore.PendingChange> changes = webhookStore.takePending(firmId, 20);
                for (WebhookStore.PendingChange change : changes) {
                    SyncedResource resource = SyncedResource.byName(change.resource());
                    if (resource == null) {
                        continue;
                    }
                    if ("deleted".equals(change.event())) {
                        snapshots.deleted(firmId, resource, change.clioId());
                        continue;
                    }
                    String url = api.baseUrl(token.region()).toString().replaceAll("/+$", "")
                            + resource.path().replace(".json", "/" + change.clioId() + ".json")
                            + "?fields=" + encode(resource.fields());
                    try {
                        snapshots.record(firmId, resource, fetcher.fetch(token.region(), token.value(), url).data());
                    } catch (ClioApiException e) {
                        if (e.status() != 404) {
                            throw e;
                        }
                        snapshots.deleted(firmId, resource, change.clioId());
                    }
                }
                return changes;
            });
        } while (!batch.isEmpty());
    }

    private void apply(String firmId, SyncedResource resource, ClioPage page, Instant passStart, String next,
            boolean backfill) {
        long published = 0;
        for (JsonNode record : page.data()) {
            if (snapshots.record(firmId, resource, record)) {
                published++;
            }
        }
        store.passAt(firmId, resource.resourceName(), passStart, next);
        if (backfill) {
            store.progress(firmId, page.data().size(), null);
        }
        LOG.debugf("Firm %s %s: page of %d, %d new or changed", firmId, resource.resourceName(), page.data().size(),
                published);
    }

    private String firstPage(AccessToken token, SyncedResource resource, Instant updatedSince) {
        StringBuilder url = new StringBuilder(api.baseUrl(token.region()).toString().replaceAll("/+$", ""))
                .append(resource.path()).append("?fields=").append(encode(resource.fields()))
                .append("&order=").append(encode("id(asc)"))
                .append("&limit=").append(config.sync().pageSize());
        if (updatedSince != null) {
            url.append("&updated_since=").append(encode(updatedSince.minus(config.sync().overlap()).toString()));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
