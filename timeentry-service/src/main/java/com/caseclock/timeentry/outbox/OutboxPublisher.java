package com.caseclock.timeentry.outbox;

import java.time.Clock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.caseclock.timeentry.config.TimeEntryConfig;

import com.caseclock.service.outbox.OutboxDriver;
import com.caseclock.service.outbox.OutboxRecorded;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes the outbox to Kafka through channel {@code outbox-out} (an idempotent producer; each message names its
 * own topic and key), with the shared {@link OutboxDriver}: every {@code timeentry.outbox.interval} (default 1 s), and
 * also right after a transaction that recorded an event commits, so approve-to-publish latency stays low. Events
 * recorded while Kafka is down are published, in order, when it returns.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** Outgoing channel name. */
    public static final String CHANNEL = "outbox-out";

    private final OutboxDriver driver;

    OutboxPublisher(AgroalDataSource dataSource, TimeEntryConfig config, Clock clock,
            @Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.driver = new OutboxDriver(dataSource, emitter, config.eventSource(), config.outbox().batchSize(),
                config.outbox().ackTimeout(), clock);
    }

    /**
     * Scheduled run. Skipped until the application is running: before that the messaging channels are not wired yet,
     * and creating this bean would fail (SRMSG00019, "Unable to connect an emitter with the channel").
     */
    @Scheduled(identity = "outbox-relay", every = "${timeentry.outbox.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        driver.publishAll();
    }

    /** Nudge: a transaction that recorded an event committed; publish soon on the nudge thread. */
    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        driver.nudge();
    }

    /**
     * Publishes batches until one is not full (or another relay holds the lock, or a send fails).
     *
     * @return how many events were published
     */
    public int publishAll() {
        return driver.publishAll();
    }

    @PreDestroy
    void stop() {
        driver.close();
    }
}
