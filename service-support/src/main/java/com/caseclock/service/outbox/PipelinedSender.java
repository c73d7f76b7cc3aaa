package com.caseclock.service.outbox;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The relay's sender: hands one relay run's messages to the emitter in relay order, from one dedicated thread. The
 * first message of a run goes alone and the rest wait for its acknowledgement; once it is acknowledged the broker is
 * known to be reachable and the rest of the run is handed over without waiting for each acknowledgement (a broker round
 * trip per message capped the relay near 40 events per second on a busy 2-core machine). The producer is idempotent
 * with at most 5 requests in flight per connection, so Kafka keeps the hand-over order within a partition, also across
 * its own retries.
 *
 * <p>When the first message fails (the broker is down, the topic unknown), nothing else of the run is handed over: the
 * other futures fail with the same error, so events recorded during an outage are published later exactly once and in
 * order. Only when the broker fails in the middle of a run can messages already in flight be written after one that
 * failed; the relay marks as sent only the rows before the first failure and sends the rest again, in order, on its
 * next run, so a consumer may see an event twice (every consumer de-duplicates by event id) or an older event of a key
 * again after a newer one, always followed by the newer one again: the last event of every key is still its newest
 * (consumers also order by revision or version).
 *
 * <p>The emitter is called on {@code sendThread}, outside the relay's JTA transaction, so context propagation does
 * not carry the transaction into the producer's callback threads (the relay's commit would then fail with
 * "multiple threads active" after the broker had acknowledged, and the events would be published twice). Each thread
 * running {@code OutboxRelay.relayBatch()} has its own run state, reset by {@link #startRun()} (see
 * {@link OutboxDriver}).
 */
public final class PipelinedSender implements Function<Message<String>, CompletableFuture<Void>> {

    /** One relay run: the first message's acknowledgement (the gate for the rest) and the first failure seen. */
    private static final class Run {
        CompletableFuture<Void> first;
        volatile Throwable failure;
    }

    private final MutinyEmitter<String> emitter;
    private final ExecutorService sendThread;
    private final Duration ackTimeout;
    private final ThreadLocal<Run> run = ThreadLocal.withInitial(Run::new);

    /**
     * @param emitter    the outgoing channel (its buffer must hold a whole relay batch; 256 by default)
     * @param sendThread a single-thread executor: the hand-over order is the order of its tasks
     * @param ackTimeout how long the rest of a run waits for its first message's acknowledgement
     */
    public PipelinedSender(MutinyEmitter<String> emitter, ExecutorService sendThread, Duration ackTimeout) {
        this.emitter = emitter;
        this.sendThread = sendThread;
        this.ackTimeout = ackTimeout;
    }

    /** Starts a new run on this thread: earlier failures no longer hold messages back. */
    public void startRun() {
        run.set(new Run());
    }

    /**
     * @param message the next message of the run, in relay order
     * @return completes when the broker acknowledged it; fails when it failed, or when an earlier message of the run
     *         had already failed before it was handed over (then it was not sent)
     */
    @Override
    public CompletableFuture<Void> apply(Message<String> message) {
        Run current = run.get();
        CompletableFuture<Void> ack = new CompletableFuture<>();
        CompletableFuture<Void> gate = current.first;
        if (gate == null) {
            current.first = ack;
        }
        try {
            sendThread.execute(() -> {
                if (gate != null) {
                    awaitFirst(current, gate);
                }
                Throwable earlier = current.failure;
                if (earlier != null) {
                    ack.completeExceptionally(earlier);
                    return;
                }
                try {
                    emitter.sendMessage(message).subscribe().with(ignored -> ack.complete(null), failure -> {
                        failed(current, failure);
                        ack.completeExceptionally(failure);
                    });
                } catch (RuntimeException e) {
                    failed(current, e);
                    ack.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e); // the executor is shut down
        }
        return ack;
    }

    /** On the send thread: waits until the run's first message is acknowledged (or failed, or timed out). */
    private void awaitFirst(Run current, CompletableFuture<Void> first) {
        try {
            first.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(current, e);
        } catch (ExecutionException e) {
            failed(current, e.getCause());
        } catch (TimeoutException e) {
            failed(current, e);
        }
    }

    private static void failed(Run current, Throwable failure) {
        if (current.failure == null) {
            current.failure = failure;
        }
    }
}
