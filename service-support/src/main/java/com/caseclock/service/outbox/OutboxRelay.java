package com.caseclock.service.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox: reads unpublished rows in recording order, sends them through the service's outgoing Kafka
 * channel (an idempotent producer, so a partition keeps the order it was given), waits for the broker's
 * acknowledgements, and marks the acknowledged rows sent.
 *
 * <p>Call {@link #relayBatch()} inside a database transaction (the service's scheduled publisher is
 * {@code @Transactional}). Only one relay publishes at a time across all instances (a PostgreSQL advisory lock held
 * for the transaction), so events keep their recording order per key. On the first failed send the batch stops: that
 * row and the ones after it stay unsent and are tried again on the next run, so an event recorded while Kafka is down
 * is published when it returns. Delivery is at least once (a crash after the ack and before the commit republishes);
 * consumers de-duplicate by event id.
 */
public final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final Function<Message<String>, CompletableFuture<Void>> sender;
    private final URI source;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Clock clock;

    /**
     * @param store      the outbox table
     * @param sender     sends one message on the outgoing channel; the future completes on the broker's ack and
     *                   fails on its nack
     * @param source     the CloudEvents {@code ce_source} of this service
     * @param batchSize  the most rows per run (at most the emitter's buffer size, 256 by default)
     * @param ackTimeout how long to wait for the acknowledgements of one batch
     * @param clock      the clock for {@code sent_at}
     */
    public OutboxRelay(OutboxStore store, Function<Message<String>, CompletableFuture<Void>> sender, URI source,
            int batchSize, Duration ackTimeout, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.sender = Objects.requireNonNull(sender);
        this.source = Objects.requireNonNull(source);
        this.batchSize = batchSize;
        this.ackTimeout = Objects.requireNonNull(ackTimeout);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Publishes one batch.
     *
     * @return how many events were published; 0 when there was nothing to do or another relay holds the lock
     */
    public int relayBatch() {
        if (!store.tryRelayLock()) {
            return 0;
        }
        List<OutboxStore.OutboxRow> rows = store.unsent(batchSize);
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxStore.OutboxRow row : rows) {
            CompletableFuture<Void> ack;
            try {
                ack = sender.apply(row.event().toMessage(source));
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
        }
        List<Long> sent = new ArrayList<>(rows.size());
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (int i = 0; i < rows.size(); i++) {
            OutboxStore.OutboxRow row = rows.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(row.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.warnf("Publishing outbox event %s (%s) failed, attempt %d: %s; it will be retried",
                        row.event().eventId(), row.event().ceType(), row.attempts() + 1, cause.toString());
                store.markFailed(row.id(), cause.toString());
                break;
            }
        }
        store.markSent(sent, clock.instant());
        return sent.size();
    }
}
