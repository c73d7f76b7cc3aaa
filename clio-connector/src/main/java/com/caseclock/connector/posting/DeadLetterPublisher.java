package com.caseclock.connector.posting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import com.caseclock.events.EventHeaders;
import com.caseclock.events.Topic;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends the approval events of jobs that failed for good after their retries (Clio unavailable, rate-limited beyond
 * the budget, internal errors) to {@code clio-connector.dead-letter.v1}: same key, same value, the CloudEvents
 * headers, plus {@code dead-letter-reason}, {@code dead-letter-cause}, {@code dead-letter-attempts},
 * {@code dead-letter-first-failure-at} and {@code dead-letter-last-failure-at}.
 *
 * <p>Durable without touching the shared outbox: the job's transaction sets {@code dead_letter_pending}; this sweeper
 * sends pending dead letters on the dedicated {@code dead-letter-out} channel and clears the flag only after the
 * broker's ack (at least once; support tooling de-duplicates by {@code ce_id}).
 */
@ApplicationScoped
public class DeadLetterPublisher {

    /** Header: attempts made. */
    public static final String ATTEMPTS = "dead-letter-attempts";
    /** Header: first failure, ISO-8601 UTC. */
    public static final String FIRST_FAILURE = "dead-letter-first-failure-at";
    /** Header: last failure, ISO-8601 UTC. */
    public static final String LAST_FAILURE = "dead-letter-last-failure-at";

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final PostingStore store;
    private final MutinyEmitter<String> emitter;

    @Inject
    DeadLetterPublisher(PostingStore store, @Channel("dead-letter-out") MutinyEmitter<String> emitter) {
        this.store = store;
        this.emitter = emitter;
    }

    /** Sends every pending dead letter; a failed send stays pending for the next sweep. */
    void sweep() {
        List<PostingStore.DeadLetter> pending = QuarkusTransaction.requiringNew()
                .call(() -> store.pendingDeadLetters(50));
        for (PostingStore.DeadLetter d : pending) {
            try {
                emitter.sendMessage(message(d)).await().atMost(Duration.ofSeconds(10));
                QuarkusTransaction.requiringNew().run(() -> store.deadLetterSent(d.timeEntryId(), d.eventId()));
                LOG.warnf("Approval event %s of entry %s dead-lettered: %s", d.eventId(), d.timeEntryId(), d.reason());
            } catch (RuntimeException e) {
                LOG.warnf("Could not dead-letter event %s yet: %s", d.eventId(), e.toString());
                return;
            }
        }
    }

    private static Message<String> message(PostingStore.DeadLetter d) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, EventHeaders.CE_SPECVERSION, EventHeaders.SPEC_VERSION);
        header(headers, EventHeaders.CE_ID, d.eventId().toString());
        header(headers, EventHeaders.CE_TYPE, d.ceType());
        header(headers, EventHeaders.CE_SOURCE, d.ceSource());
        header(headers, EventHeaders.CE_SUBJECT, d.key());
        header(headers, EventHeaders.CONTENT_TYPE, EventHeaders.APPLICATION_JSON);
        header(headers, EventHeaders.DEAD_LETTER_REASON, d.reason());
        header(headers, EventHeaders.DEAD_LETTER_CAUSE, d.lastError());
        header(headers, "dead-letter-topic", d.topic());
        header(headers, ATTEMPTS, Integer.toString(d.attempts()));
        header(headers, FIRST_FAILURE, text(d.firstFailureAt()));
        header(headers, LAST_FAILURE, text(d.lastFailureAt()));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(Topic.CONNECTOR_DEAD_LETTER.topicName()).withKey(d.key()).withHeaders(headers).build();
        return Message.of(d.payload(), Metadata.of(kafka));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
