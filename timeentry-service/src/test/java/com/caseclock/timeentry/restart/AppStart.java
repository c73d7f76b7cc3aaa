package com.caseclock.timeentry.restart;

import java.time.Instant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

/** Remembers when the current application instance started (test-only bean). */
@Singleton
public class AppStart {

    private volatile Instant startedAt;

    void onStart(@Observes StartupEvent event) {
        startedAt = Instant.now();
    }

    /** @return when this application instance started */
    public Instant startedAt() {
        return startedAt;
    }
}
