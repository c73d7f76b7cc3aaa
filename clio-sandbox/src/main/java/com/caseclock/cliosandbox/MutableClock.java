package com.caseclock.cliosandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests can move: pass it to {@link ClioSandbox.Builder#clock(Clock)} and {@link #advance(Duration)} it to
 * expire tokens, webhooks or rate-limit windows without sleeping. Thread-safe.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;
    private final ZoneId zone;

    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    private MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** A clock starting at the current system time. */
    public static MutableClock startingNow() {
        return new MutableClock(Instant.now());
    }

    public synchronized MutableClock advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    public synchronized MutableClock set(Instant instant) {
        now = instant;
        return this;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
