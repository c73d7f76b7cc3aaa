package com.caseclock.mattercache.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer view of per-firm freshness: gauge {@code mattercache.firm.last.applied.age} (seconds since the last
 * event of the firm was applied from a topic; tags {@code firm}, {@code topic}) and counter
 * {@code mattercache.events} (tags {@code topic}, {@code outcome} = applied | stale | deleted | duplicate).
 */
@ApplicationScoped
public class FreshnessMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Instant>> lastApplied = new ConcurrentHashMap<>();

    FreshnessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param firmId tenant id
     * @param topic  topic name
     */
    public void applied(String firmId, String topic) {
        lastApplied.computeIfAbsent(firmId + "\u0000" + topic, k -> {
            AtomicReference<Instant> ref = new AtomicReference<>(Instant.now());
            Gauge.builder("mattercache.firm.last.applied.age", ref,
                    r -> Duration.between(r.get(), Instant.now()).toMillis() / 1000.0)
                    .tag("firm", firmId).tag("topic", topic).baseUnit("seconds")
                    .description("Seconds since the last event of the firm was applied from the topic")
                    .register(registry);
            return ref;
        }).set(Instant.now());
    }

    /**
     * @param topic   topic name
     * @param outcome applied, stale, deleted or duplicate
     * @param n       how many
     */
    public void count(String topic, String outcome, long n) {
        Counter.builder("mattercache.events").tag("topic", topic).tag("outcome", outcome)
                .description("Events handled by the projection consumers").register(registry).increment(n);
    }
}
