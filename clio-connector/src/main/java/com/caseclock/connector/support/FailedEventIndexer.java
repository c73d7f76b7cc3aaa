package com.caseclock.connector.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.caseclock.events.EventHeaders;
import com.caseclock.events.Topic;
import com.caseclock.service.messaging.DeadLetterHeaders;
import com.caseclock.service.messaging.EventFacts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes the connector's own dead-letter topic ({@code clio-connector.dead-letter.v1}, channel {@value #CHANNEL})
 * into the {@code failed_event} index, so support searches never scan the topic. Each record becomes (or, when the
 * same event failed before, adds a failure to) one failed event with a FAILED history row; a redelivered record
 * (same dead-letter partition and offset) changes nothing. Reads only headers and the value as text, so any record
 * can be indexed; database trouble is retried ({@code @Retry}), after which the record is logged and skipped (the
 * channel's failure strategy is {@code ignore}: a dead-letter consumer must not dead-letter into its own topic).
 */
@ApplicationScoped
public class FailedEventIndexer {

    /** Channel name. */
    public static final String CHANNEL = "dead-letters-in";

    private static final Logger LOG = Logger.getLogger(FailedEventIndexer.class);

    private final FailedEventStore store;

    FailedEventIndexer(FailedEventStore store) {
        this.store = store;
    }

    /** Indexes one dead-letter record, in its own transaction. */
    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 5, delay = 1000, jitter = 500)
    public void index(ConsumerRecord<String, String> record) {
        FailedEventStore.Indexed row = read(record);
        QuarkusTransaction.requiringNew().run(() -> {
            if (store.indexed(record.partition(), record.offset())) {
                return;
            }
            UUID id = store.upsert(row);
            store.history(id, "FAILED", row.lastFailureAt(), null, null, row.reasonCode() + ": " + row.reasonText(),
                    record.partition(), record.offset());
        });
        LOG.infof("Indexed failed event %s (%s) of firm %s: %s", row.ceId(), row.reasonCode(), row.firmId(),
                row.reasonText());
    }

    /** @return what the dead-letter record says, in the index's terms */
    static FailedEventStore.Indexed read(ConsumerRecord<String, String> record) {
        Map<String, String> all = new LinkedHashMap<>();
        Map<String, String> original = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            String value = h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
            all.put(h.key(), value);
            if (!h.key().startsWith(DeadLetterHeaders.PREFIX) && !h.key().equals(DeadLetterHeaders.REPLAY_OF)) {
                original.put(h.key(), value);
            }
        }
        String service = all.getOrDefault(DeadLetterHeaders.SERVICE, serviceOf(record.topic()));
        String sourceTopic = all.get(DeadLetterHeaders.TOPIC);
        String ceId = all.get(EventHeaders.CE_ID);
        EventFacts facts = EventFacts.of(record.value());
        String firm = first(all.get(DeadLetterHeaders.FIRM_ID), facts.firmId());
        String user = first(all.get(DeadLetterHeaders.USER_ID), facts.userId());
        UUID entry = uuid(all.get(DeadLetterHeaders.ENTRY_ID));
        entry = entry != null ? entry : facts.timeEntryId();
        Long matter = number(all.get(DeadLetterHeaders.MATTER_ID));
        matter = matter != null ? matter : facts.matterId();
        String errorClass = all.get(DeadLetterHeaders.EXCEPTION_CLASS);
        String reason = all.get(DeadLetterHeaders.REASON);
        String code = all.get(DeadLetterHeaders.FAILURE_REASON);
        if (code == null) {
            code = errorClass != null && errorClass.endsWith(".InvalidEventException") ? FailureExplainer.INVALID_EVENT
                    : FailureExplainer.HANDLER_ERROR;
        }
        String cause = all.get(DeadLetterHeaders.CAUSE);
        String message = reason == null ? cause : cause == null || cause.equals(reason) ? reason
                : reason + " — " + cause;
        Instant recorded = Instant.ofEpochMilli(record.timestamp());
        Instant last = instant(all.get(DeadLetterHeaders.LAST_FAILURE), recorded);
        Instant first = instant(all.get(DeadLetterHeaders.FIRST_FAILURE), last);
        Integer partition = integer(all.get(DeadLetterHeaders.PARTITION));
        Long offset = number(all.get(DeadLetterHeaders.OFFSET));
        String dedup = sourceTopic != null && ceId != null ? sourceTopic + "|" + ceId
                : "dead-letter|" + record.topic() + "|" + record.partition() + "|" + record.offset();
        Integer attempts = integer(all.get(DeadLetterHeaders.ATTEMPTS));
        return new FailedEventStore.Indexed(dedup, service, sourceTopic, partition, offset, record.key(), ceId,
                all.get(EventHeaders.CE_TYPE), firm, user, entry, matter, code, FailureExplainer.explain(code, reason),
                errorClass, Redactor.redact(message), integer(all.get(DeadLetterHeaders.CLIO_STATUS)),
                Redactor.redact(all.get(DeadLetterHeaders.CLIO_BODY)), attempts == null ? 1 : attempts, first, last,
                original, record.value());
    }

    private static String serviceOf(String deadLetterTopic) {
        return Topic.byName(deadLetterTopic).map(Topic::producer)
                .orElse(deadLetterTopic.replace(".dead-letter.v1", ""));
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String text, Instant fallback) {
        try {
            return text == null ? fallback : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
