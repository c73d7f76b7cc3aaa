package com.caseclock.timeentry.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of timeentry-service, under the prefix {@code timeentry}. Each property can also be set through its environment
 * variable (upper case, dots and hyphens as underscores).
 */
@ConfigMapping(prefix = "timeentry")
public interface TimeEntryConfig {

    /**
     * {@code timeentry.event-source}: the CloudEvents {@code ce_source} this service writes on the events it publishes.
     *
     * @return a URI reference, default {@code /caseclock/timeentry-service}
     */
    @WithDefault("/caseclock/timeentry-service")
    URI eventSource();

    /** @return outbox relay settings, {@code timeentry.outbox.*} */
    Outbox outbox();

    /** Outbox relay settings. */
    interface Outbox {

        /**
         * {@code timeentry.outbox.interval}: how often the relay runs (besides right after each approval), as a
         * Quarkus scheduler interval.
         *
         * @return e.g. {@code 1s} (the default)
         */
        @WithDefault("1s")
        String interval();

        /**
         * {@code timeentry.outbox.batch-size}: most events per relay run (at most the emitter buffer, 256).
         *
         * @return rows, default 200
         */
        @WithDefault("200")
        int batchSize();

        /**
         * {@code timeentry.outbox.ack-timeout}: how long one batch may wait for the broker's acknowledgements.
         *
         * @return a duration, default 10 s
         */
        @WithDefault("10s")
        Duration ackTimeout();

        /**
         * {@code timeentry.outbox.max-backlog-age}: readiness reports DOWN when the oldest unpublished event waited
         * longer than this (Kafka unreachable for that long).
         *
         * @return a duration, default 5 minutes
         */
        @WithDefault("5m")
        Duration maxBacklogAge();
    }
}
