package com.caseclock.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The relay's sender with a recording emitter whose acknowledgements the test completes: a run's first message goes
 * alone, the rest are handed over in order without waiting for each other's acknowledgements, and a failed first
 * message keeps the rest of the run from being sent at all.
 */
class PipelinedSenderTest {

    private final ExecutorService sendThread = Executors.newSingleThreadExecutor();
    private final List<String> handedOver = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> brokerAcks = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sendThread.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private MutinyEmitter<String> emitter(Function<String, CompletableFuture<Void>> broker) {
        return (MutinyEmitter<String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MutinyEmitter.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("sendMessage")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String payload = ((Message<String>) args[0]).getPayload();
                    // like the real emitter, nothing is sent before the Uni is subscribed to
                    return Uni.createFrom().deferred(() -> {
                        handedOver.add(payload);
                        CompletableFuture<Void> ack = broker.apply(payload);
                        brokerAcks.add(ack);
                        return Uni.createFrom().completionStage(ack);
                    });
                });
    }

    @Test
    void theRestOfARunIsPipelinedOnceTheFirstMessageIsAcknowledged() throws Exception {
        PipelinedSender sender = new PipelinedSender(emitter(p -> new CompletableFuture<>()), sendThread,
                Duration.ofSeconds(10));
        sender.startRun();
        CompletableFuture<Void> first = sender.apply(Message.of("e1"));
        CompletableFuture<Void> second = sender.apply(Message.of("e2"));
        CompletableFuture<Void> third = sender.apply(Message.of("e3"));
        waitFor(() -> handedOver.size() == 1);
        Thread.sleep(200);
        assertThat(handedOver).as("the rest waits for the first acknowledgement").containsExactly("e1");

        brokerAcks.get(0).complete(null);
        waitFor(() -> handedOver.size() == 3);
        assertThat(handedOver).as("handed over in relay order, without waiting for e2's ack before e3")
                .containsExactly("e1", "e2", "e3");
        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
        assertThat(third).isNotDone();

        brokerAcks.get(2).complete(null);
        brokerAcks.get(1).complete(null);
        second.get(5, TimeUnit.SECONDS);
        third.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aFailedFirstMessageKeepsTheRestOfTheRunFromBeingSent() throws Exception {
        RuntimeException down = new IllegalStateException("Topic not present in metadata after 3000 ms");
        PipelinedSender sender = new PipelinedSender(emitter(p -> CompletableFuture.failedFuture(down)), sendThread,
                Duration.ofSeconds(10));
        sender.startRun();
        List<CompletableFuture<Void>> acks = List.of(sender.apply(Message.of("e1")), sender.apply(Message.of("e2")),
                sender.apply(Message.of("e3")));
        for (CompletableFuture<Void> ack : acks) {
            assertThatThrownBy(() -> ack.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCause(down);
        }
        assertThat(handedOver).as("only the first message reached the producer").containsExactly("e1");

        // the next run starts afresh
        handedOver.clear();
        PipelinedSender healthy = new PipelinedSender(emitter(p -> CompletableFuture.completedFuture(null)),
                sendThread, Duration.ofSeconds(10));
        healthy.startRun();
        healthy.apply(Message.of("e1")).get(5, TimeUnit.SECONDS);
        healthy.apply(Message.of("e2")).get(5, TimeUnit.SECONDS);
        assertThat(handedOver).containsExactly("e1", "e2");
    }

    @Test
    void aFirstMessageWithoutAcknowledgementTimesTheRestOut() throws Exception {
        PipelinedSender sender = new PipelinedSender(emitter(p -> new CompletableFuture<>()), sendThread,
                Duration.ofMillis(300));
        sender.startRun();
        sender.apply(Message.of("e1"));
        CompletableFuture<Void> second = sender.apply(Message.of("e2"));
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(handedOver).containsExactly("e1");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
