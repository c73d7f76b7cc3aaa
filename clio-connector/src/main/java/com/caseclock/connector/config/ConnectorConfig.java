package com.caseclock.connector.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of clio-connector, under the prefix {@code connector}. Each property can also be set through its
 * environment variable (upper case, dots and hyphens as underscores), e.g. {@code CONNECTOR_CLIO_CLIENT_SECRET}.
 */
@ConfigMapping(prefix = "connector")
public interface ConnectorConfig {

    /**
     * {@code connector.event-source}: the CloudEvents {@code ce_source} this service writes on the events it publishes.
     *
     * @return a URI reference, default {@code /caseclock/clio-connector}
     */
    @WithDefault("/caseclock/clio-connector")
    URI eventSource();

    /** @return how to reach Clio */
    Clio clio();

    /** @return how tokens are protected at rest */
    Tokens tokens();

    /** @return how matters, clients and rates are synced from Clio */
    Sync sync();

    /** @return how Clio's webhooks reach the connector */
    Webhooks webhooks();

    /** Webhook settings (https://docs.developers.clio.com/guides/clio-manage/webhooks/). */
    interface Webhooks {

        /**
         * @return {@code connector.webhooks.public-base-url}: the connector's address as Clio reaches it (https in
         *         production); when absent, no webhooks are registered and polling alone keeps the cache fresh
         */
        java.util.Optional<URI> publicBaseUrl();

        /**
         * @return {@code connector.webhooks.lifetime}: the {@code expires_at} asked for, default 30 days (Clio's
         *         maximum is 31)
         */
        @WithDefault("30d")
        Duration lifetime();

        /** @return {@code connector.webhooks.renew-before}: renew when expiring within this, default 7 days */
        @WithDefault("7d")
        Duration renewBefore();

        /** @return {@code connector.webhooks.check-interval}: how often a webhook's status is checked, 10 min */
        @WithDefault("10m")
        Duration checkInterval();
    }

    /** Polling settings (the safety net under webhooks). */
    interface Sync {

        /** @return {@code connector.sync.poll-interval}: time between two incremental polls of a firm, default 60 s */
        @WithDefault("60s")
        Duration pollInterval();

        /**
         * @return {@code connector.sync.page-size}: records per list page, 1–200 (Clio's maximum,
         *         https://docs.developers.clio.com/api-docs/paging), default 200
         */
        @WithDefault("200")
        int pageSize();

        /**
         * @return {@code connector.sync.overlap}: how far before the last pass's start the next pass asks
         *         {@code updated_since}, to absorb clock skew and changes made while a pass was paging; default 2 min
         */
        @WithDefault("2m")
        Duration overlap();

        /**
         * @return {@code connector.sync.lease}: how long a claimed firm stays with one instance without renewal,
         *         default 30 s; the running instance renews it every third of it, so when an instance dies its firms
         *         are picked up by another within this time (keep it below the poll interval)
         */
        @WithDefault("30s")
        Duration lease();

        /**
         * @return {@code connector.sync.tick}: how often an instance renews its leases and claims due firms, default
         *         {@code 1s}; {@code off} leaves this instance out of syncing (the scheduler never runs)
         */
        @WithDefault("1s")
        String tick();

        /** @return {@code connector.sync.max-parallel-firms}: firms synced at once per instance, default 4 */
        @WithDefault("4")
        int maxParallelFirms();

        /**
         * @return {@code connector.sync.reconcile-interval}: how often matters and contacts are listed in full to find
         *         deletions webhooks missed, default 24 h
         */
        @WithDefault("24h")
        Duration reconcileInterval();

        /** @return {@code connector.sync.retry-after-failure}: when a failed run is retried, default 30 s */
        @WithDefault("30s")
        Duration retryAfterFailure();

        /**
         * @return {@code connector.sync.closed-matters}: which closed matters a complete listing of matters (the first
         *         backfill, the daily reconciliation, a re-sync that includes closed matters) covers: {@code all}
         *         (default) or {@code within-days} (closed within {@link #closedMattersDays()}); open and pending
         *         matters are always covered, and changes to any matter are always published
         */
        @WithDefault("all")
        ClosedMatters closedMatters();

        /**
         * @return {@code connector.sync.closed-matters-days}: with {@code closed-matters=within-days}, how many days
         *         back a closed matter's close date may be, default 365
         */
        @WithDefault("365")
        int closedMattersDays();

        /** @return {@code connector.sync.default-currency}: ISO 4217 code for rates Clio gives no currency, USD */
        @WithDefault("USD")
        String defaultCurrency();
    }

    /** Which closed matters complete listings cover ({@code connector.sync.closed-matters}). */
    enum ClosedMatters {
        /** Every closed matter. */
        ALL,
        /** Closed matters whose close date is within {@code connector.sync.closed-matters-days}. */
        WITHIN_DAYS
    }

    /** Clio's API, per region, and our OAuth application there. */
    interface Clio {

        /**
         * {@code connector.clio.base-urls.<region>}: the Clio Manage host of each region (US, EU, CA, AU), without
         * path; OAuth is under {@code /oauth}, the API under {@code /api/v4}
         * (https://docs.developers.clio.com/handbook/getting-started/regions). Local runs and tests point them at the
         * Clio sandbox.
         *
         * @return region name → base URL
         */
        Map<String, URI> baseUrls();

        /** @return {@code connector.clio.client-id}: our OAuth application's id (app key) */
        String clientId();

        /** @return {@code connector.clio.client-secret}: our OAuth application's secret; never logged */
        String clientSecret();

        /**
         * @return {@code connector.clio.redirect-uri}: where Clio sends the browser back after consent; must equal
         *         one registered on the application (https://docs.developers.clio.com/api-docs/authorization)
         */
        URI redirectUri();

        /**
         * @return {@code connector.clio.api-version}: the pinned {@code X-API-VERSION}
         *         (https://docs.developers.clio.com/api-docs/api-versioning-policy), default 4.0.13
         */
        @WithDefault("4.0.13")
        String apiVersion();

        /** @return {@code connector.clio.request-timeout}: per-request timeout towards Clio, default 10 s */
        @WithDefault("10s")
        Duration requestTimeout();

        /**
         * @return {@code connector.clio.oauth-state-ttl}: how long a started connection may wait for the browser to
         *         come back, default 10 minutes
         */
        @WithDefault("10m")
        Duration oauthStateTtl();

        /**
         * @return {@code connector.clio.refresh-ahead}: access tokens are refreshed when they expire within this
         *         window, default 1 hour (Clio's access tokens last 30 days; NOTES.md §2)
         */
        @WithDefault("1h")
        Duration refreshAhead();
    }

    /** Encryption of Clio tokens in the connector's database. */
    interface Tokens {

        /**
         * @return {@code connector.tokens.encryption-key}: a 256-bit AES key, Base64 (e.g. {@code openssl rand -base64
         *         32}); never logged
         */
        String encryptionKey();
    }
}
