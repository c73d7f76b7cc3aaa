package com.caseclock.connector.sync;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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
     * Users first: a matter's custom-rate amounts are read per user while its page is applied, and a user Clio gains
     * after the users pass is caught by the next users pass, which queues the rated matters for their rates. With users
     * listed after the matters, a user created between the two passes of a firm's first backfill was never added to
     * the matters' rates (the first users pass is a backfill and queues nothing).
     */
    private static final List<SyncedResource> PASS_ORDER = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(SyncedResource.USERS),
            java.util.Arrays.stream(SyncedResource.values()).filter(r -> r != SyncedResource.USERS)).toList();
    private static final int ID_BATCH = 100;

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
            MatterRates rates = new MatterRates(fetcher, api);
            applyPendingChanges(claim.firmId(), token, rates);
            applyLookups(claim.firmId(), token, rates);
            boolean fullListing = !claim.backfillDone() || claim.reconcileDue();
            MatterScope matterScope = claim.backfillDone() && Boolean.FALSE.equals(claim.resyncClosedMatters())
                    ? MatterScope.OPEN_ONLY : MatterScope.configured(config.sync(), LocalDate.ofInstant(clock.instant(),
                            ZoneOffset.UTC));
            Map<SyncedResource, Long> changed = new EnumMap<>(SyncedResource.class);
            for (SyncedResource resource : PASS_ORDER) {
                token = pass(claim.firmId(), claim.syncUserId(), token, resource, fullListing, matterScope, rates,
                        changed);
            }
            if (fullListing) {
                QuarkusTransaction.requiringNew().run(() -> store.fullListingCompleted(claim.firmId(),
                        config.sync().reconcileInterval()));
                LOG.infof("%s of firm %s complete; new or changed: %s", claim.backfillDone() ? "Reconciliation"
                        : "First backfill", claim.firmId(), changed);
            } else if (changed.values().stream().anyMatch(n -> n > 0)) {
                // a poll that found something says so at INFO (a poll finding nothing stays quiet), so a change
                // that came by polling can be traced afterwards
                LOG.infof("Poll of firm %s: new or changed %s", claim.firmId(), changed);
            }
            return new Outcome(interval, null);
        } catch (NeedsReconnect e) {
            return new Outcome(interval, "The Clio connection used to sync this firm needs to be reconnected");
        } catch (ClioApiException e) {
            if (e.status() == 401) {
                // Clio refused the token outside a page fetch (e.g. the webhook check): renew it now; a refused
                // renewal moves the connection to NEEDS_RECONNECT and the user is told.
                try {
                    connections.refreshNow(claim.firmId(), claim.syncUserId());
                    return new Outcome(Duration.ofSeconds(1), "Clio refused the access token; it was renewed");
                } catch (NeedsReconnect needsReconnect) {
                    return new Outcome(interval, "The Clio connection used to sync this firm needs to be reconnected");
                } catch (ClioUnavailable unavailable) {
                    return new Outcome(config.sync().retryAfterFailure(), "Clio was unavailable; retrying in "
                            + config.sync().retryAfterFailure().toSeconds() + " s");
                }
            }
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

    /**
     * One pass over a resource. A full pass (first backfill, reconciliation, forced re-sync, and every pass of the
     * small resources) lists everything and, once complete, publishes tombstones for records it did not see; an
     * incremental pass asks for {@code updated_since}. Matters whose custom rate lines are new or changed get their
     * rate amounts read ({@link MatterRates}) before their page is applied; when a later users pass sees a user
     * changed (groups, a new user), the matters with custom rates are queued to have their amounts read again.
     *
     * <p>A complete listing of matters covers {@code matterScope} ({@link MatterScope}: all matters, or open and
     * pending ones plus closed ones since a date, as one or two filtered listings run one after the other; a resumed
     * pass keeps the scope it started with). When it does not cover every matter, the known matters it did not see
     * are looked up by id before any is tombstoned: only those Clio no longer has were deleted.
     */
    private AccessToken pass(String firmId, String userId, AccessToken token, SyncedResource resource,
            boolean fullListing, MatterScope matterScope, MatterRates rates, Map<SyncedResource, Long> changed) {
        String name = resource.resourceName();
        SyncStore.Watermark watermark = QuarkusTransaction.requiringNew().call(() -> store.watermark(firmId, name));
        boolean resume = watermark.nextPageUrl() != null;
        boolean full = resume ? watermark.fullPass()
                : fullListing || !resource.incremental() || watermark.updatedSince() == null;
        MatterScope scope = resource != SyncedResource.MATTERS || !full ? MatterScope.ALL
                : resume ? MatterScope.decode(watermark.listingScope()) : matterScope;
        List<String> filters = scope.filters();
        String scopeName = resource == SyncedResource.MATTERS && full ? scope.encoded() : null;
        int part = resume ? Math.min(watermark.listingPart(), filters.size() - 1) : 0;
        Instant passStart = resume ? watermark.passStartedAt() : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String url = resume ? watermark.nextPageUrl()
                : firstPage(token, resource, full ? null : watermark.updatedSince(), filters.get(0));
        boolean backfill = resource.incremental() && watermark.updatedSince() == null;
        boolean refreshRatesOnChange = resource == SyncedResource.USERS && watermark.updatedSince() != null;
        String resumeUrl = resume ? watermark.nextPageUrl() : null;
        int startPart = part;
        QuarkusTransaction.requiringNew().run(() -> store.passAt(firmId, name, passStart, resumeUrl, full, scopeName,
                startPart));
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
            if (resource == SyncedResource.MATTERS) {
                resolveChangedRates(firmId, token, page.data(), rates);
            }
            ClioPage current = page;
            String next = page.next();
            if (next == null && part + 1 < filters.size()) {
                part++;
                next = firstPage(token, resource, null, filters.get(part));
            }
            String nextUrl = next;
            int nextPart = part;
            long published = QuarkusTransaction.requiringNew().call(() -> apply(firmId, resource, current, passStart,
                    nextUrl, backfill, full, refreshRatesOnChange, scopeName, nextPart));
            changed.merge(resource, published, Long::sum);
            url = next;
        }
        if (full) {
            // A complete listing: what we published before and Clio no longer lists was deleted.
            List<Long> unseen = QuarkusTransaction.requiringNew().call(() -> store.unseenSince(firmId, name,
                    passStart));
            List<Long> gone = scope.everyMatter() ? unseen : stillMissing(firmId, token, unseen, passStart);
            QuarkusTransaction.requiringNew().run(() -> {
                for (long id : gone) {
                    snapshots.deleted(firmId, resource, id);
                }
            });
        }
        QuarkusTransaction.requiringNew().run(() -> store.passCompleted(firmId, name, passStart));
        return token;
    }

    /**
     * Applies what webhooks reported since the last run: fetches each created or updated record (a record Clio no
     * longer has is deleted) and publishes it, or publishes the tombstone of a deleted one. A matter queued for its
     * rates ({@link SyncStore#RATES_CHANGED}) is fetched, its rate amounts read again and republished. A batch is
     * taken, fetched and published in one transaction, so a failure leaves it pending for the next run.
     */
    private void applyPendingChanges(String firmId, AccessToken token, MatterRates rates) {
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
                        JsonNode record = fetcher.fetch(token.region(), token.value(), url).data();
                        boolean ratesChanged = SyncStore.RATES_CHANGED.equals(change.event());
                        if (resource == SyncedResource.MATTERS) {
                            if (ratesChanged) {
                                rates.resolve(token, record);
                            } else {
                                resolveChangedRates(firmId, token, JsonNodeFactory.instance.arrayNode().add(record),
                                        rates);
                            }
                        }
                        if (ratesChanged) {
                            snapshots.republish(firmId, resource, record);
                        } else {
                            snapshots.record(firmId, resource, record);
                        }
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

    /**
     * Answers on-demand lookups ("this matter is missing"): searches Clio's matters with {@code query} (display number,
     * description), publishes every match again (even if unchanged: the asker's cache lacks it) and answers
     * FOUND with the ids, or NOT_FOUND.
     */
    private void applyLookups(String firmId, AccessToken token, MatterRates rates) {
        List<SyncStore.Lookup> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<SyncStore.Lookup> lookups = store.takeLookups(firmId, 10);
                for (SyncStore.Lookup lookup : lookups) {
                    String url = firstPage(token, SyncedResource.MATTERS, null, "")
                            .replaceAll("&limit=\\d+", "&limit=20")
                            + "&query=" + encode(lookup.query());
                    JsonNode found = fetcher.fetch(token.region(), token.value(), url).data();
                    List<Long> ids = new java.util.ArrayList<>();
                    for (JsonNode matter : found) {
                        rates.resolve(token, matter);
                        snapshots.republish(firmId, SyncedResource.MATTERS, matter);
                        ids.add(matter.path("id").asLong());
                    }
                    snapshots.lookupAnswered(firmId, lookup, ids);
                }
                return lookups;
            });
        } while (!batch.isEmpty());
    }

    /**
     * Looks known matters a scoped listing did not see up by id ({@code ids[]}, OpenAPI
     * {@code paths["/matters.json"].get.parameters}): those Clio still has (e.g. closed before the scope's date) are
     * marked seen.
     *
     * @return the ids Clio no longer has
     */
    private List<Long> stillMissing(String firmId, AccessToken token, List<Long> unseen, Instant passStart) {
        List<Long> missing = new java.util.ArrayList<>();
        for (int from = 0; from < unseen.size(); from += ID_BATCH) {
            List<Long> batch = unseen.subList(from, Math.min(unseen.size(), from + ID_BATCH));
            StringBuilder url = new StringBuilder(api.baseUrl(token.region()).toString().replaceAll("/+$", ""))
                    .append(SyncedResource.MATTERS.path()).append("?fields=id&limit=").append(ID_BATCH);
            for (long id : batch) {
                url.append('&').append(encode("ids[]")).append('=').append(id);
            }
            Set<Long> existing = new HashSet<>();
            for (JsonNode matter : fetcher.fetch(token.region(), token.value(), url.toString()).data()) {
                existing.add(matter.path("id").asLong());
            }
            QuarkusTransaction.requiringNew().run(() -> store.seen(firmId, SyncedResource.MATTERS.resourceName(),
                    List.copyOf(existing), passStart));
            batch.stream().filter(id -> !existing.contains(id)).forEach(missing::add);
        }
        return missing;
    }

    /** Reads the rate amounts of the matters whose custom rate lines were not published in this version yet. */
    private void resolveChangedRates(String firmId, AccessToken token, JsonNode matters, MatterRates rates) {
        List<Long> ids = new java.util.ArrayList<>();
        for (JsonNode matter : matters) {
            if (MatterRates.hasCustomRates(matter)) {
                ids.add(matter.path("id").asLong());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        java.util.Map<Long, String> published = QuarkusTransaction.requiringNew().call(() -> store.publishedVersions(
                firmId, SyncedResource.MATTERS.resourceName(), ids));
        for (JsonNode matter : matters) {
            if (MatterRates.hasCustomRates(matter) && !SyncedResource.MATTERS.version(matter)
                    .equals(published.get(matter.path("id").asLong()))) {
                rates.resolve(token, matter);
            }
        }
    }

    /** @return how many records of the page were new or changed (published) */
    private long apply(String firmId, SyncedResource resource, ClioPage page, Instant passStart, String next,
            boolean backfill, boolean full, boolean refreshRatesOnChange, String scopeName, int part) {
        long published = 0;
        List<Long> ids = new java.util.ArrayList<>();
        for (JsonNode record : page.data()) {
            ids.add(record.path("id").asLong());
            if (snapshots.record(firmId, resource, record)) {
                published++;
            }
        }
        if (full) {
            store.seen(firmId, resource.resourceName(), ids, passStart);
        }
        store.passAt(firmId, resource.resourceName(), passStart, next, full, scopeName, part);
        if (backfill) {
            store.progress(firmId, page.data().size(), null);
        }
        if (refreshRatesOnChange && published > 0) {
            int queued = store.queueMatterRateRefresh(firmId);
            LOG.debugf("Firm %s: users changed; %d matters with custom rates queued for their rates", firmId, queued);
        }
        LOG.debugf("Firm %s %s: page of %d, %d new or changed", firmId, resource.resourceName(), page.data().size(),
                published);
        return published;
    }

    private String firstPage(AccessToken token, SyncedResource resource, Instant updatedSince, String filter) {
        StringBuilder url = new StringBuilder(api.baseUrl(token.region()).toString().replaceAll("/+$", ""))
                .append(resource.path()).append("?fields=").append(encode(resource.fields()))
                .append("&order=").append(encode("id(asc)"))
                .append("&limit=").append(config.sync().pageSize()).append(filter);
        if (updatedSince != null) {
            url.append("&updated_since=").append(encode(updatedSince.minus(config.sync().overlap()).toString()));
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
