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

import com.caseclock.service.messaging.DeadLetterHeaders;
import com.caseclock.service.messaging.EventFacts;
import com.caseclock.connector.support.Redactor;
import com.caseclock.events.EventHeaders;
import com.caseclock.events.Topic;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends the approval events of jobs that ended FAILED (Clio refused the entry, or Clio stayed unavailable or
 * rate-limiting beyond the retry budget, or an internal error) to {@code clio-connector.dead-letter.v1}: same key,
 * same value, the CloudEvents headers, plus the dead-letter headers of {@link DeadLetterHeaders}:
 * {@code dead-letter-reason} ({@code <FailureReason>: <plain words>}), {@code -cause}, {@code -failure-reason},
 * {@code -exception-class-name} (when known), {@code -topic}, {@code -service}, {@code -attempts},
 * {@code -first-failure-at}, {@code -last-failure-at}, {@code -clio-status} and {@code -clio-body} (when Clio answered;
 * tokens and secrets redacted), {@code -firm-id}, {@code -user-id}, {@code -entry-id} and {@code -matter-id}.
 * A job parked until its user reconnects is not dead-lettered: it resumes by itself.
 *
 * <p>Durable without touching the shared outbox: the job's transaction sets {@code dead_letter_pending}; this sweeper
 * sends pending dead letters on the dedicated {@code dead-letter-out} channel and clears the flag only after the
 * broker's ack (at least once; the support index de-duplicates by source topic and {@code ce_id}).
 */
@ApplicationScoped
public class DeadLetterPublisher {

    /** Header: attempts made. */
    public static final String ATTEMPTS = DeadLetterHeaders.ATTEMPTS;
    /** Header: first failure, ISO-8601 UTC. */
    public static final String FIRST_FAILURE = DeadLetterHeaders.FIRST_FAILURE;
    /** Header: last failure, ISO-8601 UTC. */
    public static final String LAST_FAILURE = DeadLetterHeaders.LAST_FAILURE;
    /** The consuming service named in {@link DeadLetterHeaders#SERVICE}. */
    static final String SERVICE = "clio-connector";

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
        header(headers, DeadLetterHeaders.REASON, d.reason());
        header(headers, DeadLetterHeaders.CAUSE, d.lastError());
        header(headers, DeadLetterHeaders.FAILURE_REASON, reasonCode(d.reason()));
        header(headers, DeadLetterHeaders.EXCEPTION_CLASS, d.errorClass());
        header(headers, DeadLetterHeaders.TOPIC, d.topic());
        header(headers, DeadLetterHeaders.SERVICE, SERVICE);
        header(headers, ATTEMPTS, Integer.toString(d.attempts()));
        header(headers, FIRST_FAILURE, text(d.firstFailureAt()));
        header(headers, LAST_FAILURE, text(d.lastFailureAt()));
        header(headers, DeadLetterHeaders.CLIO_STATUS, d.clioStatus() == null ? null : d.clioStatus().toString());
        header(headers, DeadLetterHeaders.CLIO_BODY, Redactor.redact(d.clioBody()));
        EventFacts facts = EventFacts.of(d.payload());
        header(headers, DeadLetterHeaders.FIRM_ID, d.firmId());
        header(headers, DeadLetterHeaders.USER_ID, d.userId());
        header(headers, DeadLetterHeaders.ENTRY_ID, d.timeEntryId().toString());
        header(headers, DeadLetterHeaders.MATTER_ID, facts.matterId() == null ? null : facts.matterId().toString());
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(Topic.CONNECTOR_DEAD_LETTER.topicName()).withKey(d.key()).withHeaders(headers).build();
        return Message.of(d.payload(), Metadata.of(kafka));
    }

    /** @return the FailureReason name a posting dead-letter reason starts with ({@code "NAME: words"}), or null */
    static String reasonCode(String reason) {
        if (reason == null) {
            return null;
        }
        int colon = reason.indexOf(':');
        String code = colon < 0 ? reason : reason.substring(0, colon);
        return java.util.Arrays.stream(com.caseclock.events.FailureReason.values()).map(Enum::name)
                .filter(code::equals).findFirst().orElse(null);
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
