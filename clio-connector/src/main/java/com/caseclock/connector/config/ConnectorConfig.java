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
