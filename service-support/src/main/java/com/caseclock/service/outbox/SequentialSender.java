package com.caseclock.service.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The relay's sender: hands one relay run's messages to the emitter strictly one after another, each only once the
 * previous one was acknowledged. When a send fails, the messages after it in the same run are never handed over (their
 * futures fail with the same error), so nothing queued behind a failure can reach Kafka later, out of order or
 * twice, once the broker is back. Each thread running {@code OutboxRelay.relayBatch()} has its own chain, reset by
 * {@link #startRun()} before each run (see {@link OutboxDriver}).
 *
 * <p>The emitter is called on {@code sendThread}, outside the relay's JTA transaction, so context propagation does
 * not carry the transaction into the producer's callback threads (the relay's commit would then fail with
 * "multiple threads active" after the broker had acknowledged, and the events would be published twice).
 */
public final class SequentialSender implements Function<Message<String>, CompletableFuture<Void>> {

    private final MutinyEmitter<String> emitter;
    private final ExecutorService sendThread;
    private final ThreadLocal<CompletableFuture<Void>> chain =
            ThreadLocal.withInitial(() -> CompletableFuture.completedFuture(null));

    public SequentialSender(MutinyEmitter<String> emitter, ExecutorService sendThread) {
        this.emitter = emitter;
        this.sendThread = sendThread;
    }

    /** Starts a new chain for the relay run about to begin on this thread. */
    public void startRun() {
        chain.set(CompletableFuture.completedFuture(null));
    }

    /**
     * @param message the next message of the run, in relay order
     * @return completes when the broker acknowledged it; fails when it, or an earlier message of the run, failed
     */
    @Override
    public CompletableFuture<Void> apply(Message<String> message) {
        CompletableFuture<Void> next = chain.get().thenCompose(previous -> CompletableFuture
                .supplyAsync(() -> emitter.sendMessage(message).subscribeAsCompletionStage(), sendThread)
                .thenCompose(Function.identity()));
        chain.set(next);
        return next;
    }
}
