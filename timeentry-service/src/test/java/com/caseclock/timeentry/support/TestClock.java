package com.caseclock.timeentry.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The application's {@link Clock} in tests: the system clock (UTC), unless a test freezes it and moves it by hand
 * (timer tests), then {@link #release()}s it.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant frozenAt;

    /** Stops time at the current instant. @return that instant */
    public synchronized Instant freeze() {
        frozenAt = Instant.now();
        return frozenAt;
    }

    /** Moves frozen time forward. */
    public synchronized void advance(Duration duration) {
        if (frozenAt == null) {
            throw new IllegalStateException("freeze() first");
        }
        frozenAt = frozenAt.plus(duration);
    }

    /** Lets time run again (system time). */
    public synchronized void release() {
        frozenAt = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now();
    }
}
