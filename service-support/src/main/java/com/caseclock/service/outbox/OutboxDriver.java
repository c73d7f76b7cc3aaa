package com.caseclock.service.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Runs a service's outbox relay: each run publishes batches, each in its own transaction, until a batch is not full (or
 * another instance holds the relay lock, or a send fails). Messages go to the emitter in relay order from a dedicated
 * thread outside the relay's transaction ({@link PipelinedSender}): a run's first message alone, the rest, once it is
 * acknowledged, without waiting for each acknowledgement; after a failed send nothing more of the run is handed over,
 * and the JTA transaction never leaks into the producer's callback threads.
 *
 * <p>A service's publisher bean calls {@link #publishAll()} on a schedule and {@link #nudge()} after a transaction
 * that recorded an event commits (low approve-to-publish latency), and {@link #close()} on shutdown.
 */
public final class OutboxDriver implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxDriver.class);

    private final OutboxRelay relay;
    private final PipelinedSender sender;
    private final int batchSize;
    private final AtomicBoolean nudgePending = new AtomicBoolean();
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(daemon("outbox-nudge"));
    private final ExecutorService sends = Executors.newSingleThreadExecutor(daemon("outbox-send"));

    /**
     * @param dataSource the service's data source (holds {@code outbox_event})
     * @param emitter    the outgoing channel every outbox message goes through (each message names its topic)
     * @param source     the CloudEvents {@code ce_source} of the service
     * @param batchSize  rows per transaction, at most the emitter's buffer (256 by default)
     * @param ackTimeout how long a batch waits for the broker's acknowledgements
     * @param clock      the clock for {@code sent_at}
     */
    public OutboxDriver(DataSource dataSource, MutinyEmitter<String> emitter, URI source, int batchSize,
            Duration ackTimeout, Clock clock) {
        this.batchSize = batchSize;
        this.sender = new PipelinedSender(emitter, sends, ackTimeout);
        this.relay = new OutboxRelay(new OutboxStore(dataSource), sender, source, batchSize, ackTimeout, clock);
    }

    /**
     * Publishes until the outbox is drained or a send fails; never throws (a failed run is retried next time).
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

    /** Asks for a run soon, on the nudge thread (several nudges in a row collapse into one run). */
    public void nudge() {
        if (nudgePending.compareAndSet(false, true)) {
            nudges.execute(() -> {
                nudgePending.set(false);
                publishAll();
            });
        }
    }

    @Override
    public void close() {
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
