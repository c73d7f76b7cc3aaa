package com.caseclock.timeentry.outbox;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import com.caseclock.service.outbox.OutboxRelay;
import com.caseclock.service.outbox.OutboxStore;
import com.caseclock.timeentry.config.TimeEntryConfig;
import com.caseclock.timeentry.service.OutboxRecorded;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes the outbox to Kafka through channel {@code outbox-out} (an idempotent producer; each message names its
 * own topic and key), one message at a time per run ({@link SequentialSender}). Runs every {@code timeentry.outbox.interval} (default 1 s), and also right after a transaction
 * that recorded an event commits, so approve-to-publish latency stays low. Each run publishes batches, each in its
 * own transaction, until a batch is not full; a failed send stops the run and the rest waits for the next one (so
 * events recorded while Kafka is down are published, in order, when it returns).
 */
@ApplicationScoped
public class OutboxPublisher {

    /** Outgoing channel name. */
    public static final String CHANNEL = "outbox-out";

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final OutboxRelay relay;
    private final int batchSize;
    private final AtomicBoolean nudgePending = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(daemon("outbox-nudge"));
    private final ExecutorService sends = Executors.newSingleThreadExecutor(daemon("outbox-send"));
    private final SequentialSender sender;

    OutboxPublisher(AgroalDataSource dataSource, TimeEntryConfig config, Clock clock,
            @Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.batchSize = config.outbox().batchSize();
        this.sender = new SequentialSender(emitter, sends);
        this.relay = new OutboxRelay(new OutboxStore(dataSource), sender, config.eventSource(), batchSize,
                config.outbox().ackTimeout(), clock);
    }

    /** Scheduled run. */
    @Scheduled(identity = "outbox-relay", every = "${timeentry.outbox.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        publishAll();
    }

    /** Nudge: a transaction that recorded an event committed; publish soon on the nudge thread. */
    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRecorded recorded) {
        if (nudgePending.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudgePending.set(false);
                publishAll();
            });
        }
    }

    /**
     * Publishes batches until one is not full (or another relay holds the lock, or a send fails).
     *
     * @return how many events were published
     */
    public int publishAll() {
        int total = 0;
        try {
            int sent;
            do {
                sender.startRun();
                sent = QuarkusTransaction.requiringNew().call(relay::relayBatch);
                total += sent;
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay run failed: %s; it will be retried", e.toString());
        }
        return total;
    }

    @PreDestroy
    void stop() {
        nudges.shutdownNow();
        sends.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
