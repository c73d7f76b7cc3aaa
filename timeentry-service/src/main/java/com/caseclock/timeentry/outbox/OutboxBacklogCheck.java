package com.caseclock.timeentry.outbox;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.caseclock.service.outbox.OutboxStore;
import com.caseclock.timeentry.config.TimeEntryConfig;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Readiness "outbox": DOWN when the oldest unpublished event waited longer than
 * {@code timeentry.outbox.max-backlog-age}; also exposes gauges {@code timeentry.outbox.backlog} (events) and
 * {@code timeentry.outbox.backlog.age.seconds}.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    private final OutboxStore store;
    private final Duration maxAge;
    private final Clock clock;

    OutboxBacklogCheck(AgroalDataSource dataSource, TimeEntryConfig config, Clock clock, MeterRegistry registry) {
        this.store = new OutboxStore(dataSource);
        this.maxAge = config.outbox().maxBacklogAge();
        this.clock = clock;
        Gauge.builder("timeentry.outbox.backlog", this, c -> c.store.backlog().unsent())
                .description("Events recorded but not yet published").register(registry);
        Gauge.builder("timeentry.outbox.backlog.age.seconds", this, OutboxBacklogCheck::ageSeconds)
                .description("Age of the oldest unpublished event, seconds (0 when none)").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        OutboxStore.Backlog backlog = store.backlog();
        double age = backlog.oldestSince() == null ? 0
                : Duration.between(backlog.oldestSince(), clock.instant()).toSeconds();
        return HealthCheckResponse.named("outbox")
                .status(age <= maxAge.toSeconds())
                .withData("unsent", backlog.unsent())
                .withData("oldestAgeSeconds", (long) age)
                .build();
    }

    private double ageSeconds() {
        OutboxStore.Backlog backlog = store.backlog();
        return backlog.oldestSince() == null ? 0 : Duration.between(backlog.oldestSince(), clock.instant()).toSeconds();
    }
}
