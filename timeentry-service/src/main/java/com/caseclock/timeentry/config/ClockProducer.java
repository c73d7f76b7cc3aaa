package com.caseclock.timeentry.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/** Provides the {@link Clock} every time computation uses (UTC); tests may replace it with their own bean. */
public class ClockProducer {

    /** @return the system clock in UTC */
    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
