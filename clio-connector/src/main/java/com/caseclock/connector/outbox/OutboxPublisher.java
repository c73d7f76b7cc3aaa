package com.caseclock.connector.outbox;

import java.time.Clock;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.caseclock.connector.config.ConnectorConfig;
import com.caseclock.service.outbox.OutboxDriver;
import com.caseclock.service.outbox.OutboxRecorded;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes the connector's outbox (connection status, matter, client and rate snapshots and tombstones, lookup
 * answers, sync results) through the {@code outbox-out} channel with the shared {@link OutboxDriver}, every
 * {@code connector.outbox.interval} (default 1 s), and also right after a transaction that recorded an event commits
 * ({@link OutboxRecorded}, or a direct {@link #nudge()}), so a sync result does not wait for the next run.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final int BATCH = 200;

    private final OutboxDriver driver;

    @Inject
    OutboxPublisher(AgroalDataSource dataSource, @Channel("outbox-out") MutinyEmitter<String> emitter,
            ConnectorConfig config, Clock clock) {
        this.driver = new OutboxDriver(dataSource, emitter, config.eventSource(), BATCH, Duration.ofSeconds(10),
                clock);
    }

    /**
     * Publishes until the outbox is empty or a send fails. Skipped until the application has started: before that the
     * messaging channels are not wired yet, and creating this bean would fail (SRMSG00019, "Unable to connect an
     * emitter with the channel").
     */
    @Scheduled(every = "${connector.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publish() {
        driver.publishAll();
    }

    /** Nudge: a transaction that recorded an event committed; publish soon on the nudge thread. */
    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        driver.nudge();
    }

    /** Asks for a publication soon (after a transaction that recorded events committed). */
    public void nudge() {
        driver.nudge();
    }

    @PreDestroy
    void stop() {
        driver.close();
    }
}
