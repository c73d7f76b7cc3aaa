package com.caseclock.connector.posting;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the posting of approved time entries to Clio, under {@code connector.posting}. */
@ConfigMapping(prefix = "connector.posting")
public interface PostingConfig {

    /** @return {@code connector.posting.tick}: how often due jobs are claimed (read by the scheduler), 1 s */
    @WithDefault("1s")
    Duration tick();

    /** @return {@code connector.posting.max-parallel-firms}: firms posted at once per instance, default 4 */
    @WithDefault("4")
    int maxParallelFirms();

    /** @return {@code connector.posting.batch}: jobs of one firm claimed at once, default 20 */
    @WithDefault("20")
    int batch();

    /**
     * @return {@code connector.posting.lease}: how long a claimed job stays with one instance; must exceed
     *         {@link #inFlightSettle()} so a crashed instance's in-flight POST has settled before another looks it up;
     *         default 3 min
     */
    @WithDefault("3m")
    Duration lease();

    /**
     * @return {@code connector.posting.in-flight-settle}: after a create got no answer (timeout, reset, crash), how
     *         long to wait before looking the activity up in Clio (the request may still be executing there); default
     *         2 min
     */
    @WithDefault("2m")
    Duration inFlightSettle();

    /** @return {@code connector.posting.max-attempts}: attempts on 5xx/timeouts before FAILED + dead letter, 6 */
    @WithDefault("6")
    int maxAttempts();

    /** @return {@code connector.posting.backoff-initial}: first retry delay (doubles, ±50 % jitter), default 2 s */
    @WithDefault("2s")
    Duration backoffInitial();

    /** @return {@code connector.posting.backoff-max}: longest retry delay, default 2 min */
    @WithDefault("2m")
    Duration backoffMax();

    /** @return {@code connector.posting.max-rate-limit-parks}: 429s one job waits out before FAILED, default 10 */
    @WithDefault("10")
    int maxRateLimitParks();

    /** @return {@code connector.posting.default-retry-after}: wait after a 429 without Retry-After, 60 s */
    @WithDefault("60s")
    Duration defaultRetryAfter();

    /**
     * @return {@code connector.posting.currency}: ISO 4217 code of Clio amounts when the entry carries no rate to
     *         take it from (Clio's activities carry no currency), default USD
     */
    @WithDefault("USD")
    String currency();
}
