package com.caseclock.testsupport.roundtrip;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.MutinyEmitter;

/** Test application bean: sends messages through SmallRye's Kafka connector and keeps what it reads back. */
@ApplicationScoped
public class RoundTripProbe {

    private final BlockingQueue<Message<String>> received = new LinkedBlockingQueue<>();

    @Inject
    @Channel("probe-out")
    MutinyEmitter<String> emitter;

    /** Sends one message and waits for the broker's acknowledgement. */
    void send(Message<String> message) {
        emitter.sendMessageAndAwait(message);
    }

    /** @return what the probe has read so far (drained by the caller) */
    BlockingQueue<Message<String>> received() {
        return received;
    }

    @Incoming("probe-in")
    CompletionStage<Void> receive(Message<String> message) {
        received.add(message);
        return message.ack();
    }
}
