package com.caseclock.mattercache.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of matter-cache-service, under the prefix {@code matter-cache}. Each property can also be set
 * through its environment variable (upper case, dots and hyphens as underscores).
 */
@ConfigMapping(prefix = "matter-cache")
public interface MatterCacheConfig {

    /**
     * {@code matter-cache.event-source}: the CloudEvents {@code ce_source} this service writes on the events it
     * publishes.
     *
     * @return a URI reference, default {@code /caseclock/matter-cache-service}
     */
    @WithDefault("/caseclock/matter-cache-service")
    URI eventSource();

    /**
     * {@code matter-cache.rebuild-on-start} ({@code MATTER_CACHE_REBUILD_ON_START}): wipe the projections and replay
     * the matter, client and rate topics from the beginning when the consumers start. A database that was never
     * built from a topic is always built from its beginning, whatever this says.
     *
     * @return default {@code false}
     */
    @WithDefault("false")
    boolean rebuildOnStart();

    /** @return freshness settings */
    Freshness freshness();

    /** @return on-demand lookup settings */
    Lookup lookup();

    /** @return ingest settings */
    Ingest ingest();

    /** Ingest from the topics. */
    interface Ingest {
        /**
         * {@code matter-cache.ingest.max-batch}: most records of one channel applied in one database transaction.
         *
         * @return default 500
         */
        @WithDefault("500")
        int maxBatch();
    }

    /** Freshness measurement. */
    interface Freshness {
        /**
         * {@code matter-cache.freshness.poll-interval}: how often the consumer lag is measured (and replay progress
         * logged).
         *
         * @return default 5 seconds
         */
        @WithDefault("5s")
        Duration pollInterval();
    }

    /** On-demand lookups. */
    interface Lookup {
        /**
         * {@code matter-cache.lookup.publish-timeout}: how long a lookup request waits for Kafka to acknowledge the
         * command before answering 503.
         *
         * @return default 5 seconds
         */
        @WithDefault("5s")
        Duration publishTimeout();
    }
}
