package com.caseclock.cliosandbox.http;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-access-token fixed 60-second window (https://docs.developers.clio.com/api-docs/rate-limits ): default 50
 * requests per window (Clio's peak-hour limit); 0 disables limiting. Every response carries
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (Unix seconds when the window
 * ends); over the limit the answer is 429 with {@code Retry-After} (seconds).
 */
public final class RateLimiter {
    /** The decision for one request. */
    public record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {}

    private static final class Window {
        long start;
        int count;
    }

    private final Clock clock;
    private volatile int limitPerMinute;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, int limitPerMinute) {
        this.clock = clock;
        this.limitPerMinute = limitPerMinute;
    }

    public int limit() {
        return limitPerMinute;
    }

    public void limit(int perMinute) {
        this.limitPerMinute = perMinute;
        windows.clear();
    }

    /** Counts one request for {@code key} (the bearer token); null when limiting is off. */
    public Decision hit(String key) {
        int limit = limitPerMinute;
        if (limit <= 0) return null;
        long now = clock.millis();
        Window w = windows.computeIfAbsent(key == null ? "" : key, k -> new Window());
        synchronized (w) {
            if (w.count == 0 || now >= w.start + 60_000) {
                w.start = now;
                w.count = 0;
            }
            long reset = (w.start + 60_000 + 999) / 1000;
            if (w.count >= limit) {
                long retry = Math.max(1, (w.start + 60_000 - now + 999) / 1000);
                return new Decision(false, limit, 0, reset, retry);
            }
            w.count++;
            return new Decision(true, limit, limit - w.count, reset, 0);
        }
    }

    /** A "storm" decision used by fault injection: limit exhausted, retry after {@code retryAfter} seconds. */
    public Decision storm(long retryAfterSeconds) {
        int limit = limitPerMinute <= 0 ? 50 : limitPerMinute;
        return new Decision(false, limit, 0, clock.millis() / 1000 + retryAfterSeconds, retryAfterSeconds);
    }
}
