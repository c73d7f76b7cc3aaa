package com.caseclock.connector.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The clock every time-dependent decision reads (UTC), replaceable in tests. */
@ApplicationScoped
public class ClockProducer {

    /** @return the system clock in UTC */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
