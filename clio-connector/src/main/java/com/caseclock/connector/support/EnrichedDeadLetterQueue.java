package com.caseclock.connector.support;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import com.caseclock.events.InvalidEventException;
import com.caseclock.events.Topic;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The connector's failure strategy for incoming Kafka channels ({@code failure-strategy=}{@value #STRATEGY}):
 * SmallRye's own {@code dead-letter-queue} strategy (same topic, key, value, original headers and its
 * {@code dead-letter-reason/-cause/-exception-class-name/-topic/-partition/-offset} headers), plus what support
 * needs to find and understand the record (see {@link DeadLetterHeaders}): the consuming service, the classified
 * reason ({@code INVALID_EVENT} or {@code HANDLER_ERROR}), attempts (1: a consumer failure is not retried), the
 * failure time as first and last failure, and the firm, user, time entry and Clio matter read from the payload where
 * it can be read.
 */
@ApplicationScoped
@Identifier(EnrichedDeadLetterQueue.STRATEGY)
public class EnrichedDeadLetterQueue implements KafkaFailureHandler.Factory {

    /** The strategy name used in {@code failure-strategy}. */
    public static final String STRATEGY = "caseclock-dead-letter-queue";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final String service;
    private final Clock clock;

    @Inject
    EnrichedDeadLetterQueue(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
            KafkaFailureHandler.Factory deadLetterQueue,
            @ConfigProperty(name = "quarkus.application.name") String service, Clock clock) {
        this.deadLetterQueue = deadLetterQueue;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler delegate = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return delegate.handle(record, reason, enrich(record, reason, metadata));
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }

    /** @return the metadata with the extra headers added to any the handler already gave */
    <K, V> Metadata enrich(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
        Metadata base = metadata == null ? Metadata.empty() : metadata;
        OutgoingKafkaRecordMetadata<?> given = base.get(OutgoingKafkaRecordMetadata.class).orElse(null);
        RecordHeaders headers = new RecordHeaders();
        if (given != null && given.getHeaders() != null) {
            given.getHeaders().forEach(headers::add);
        }
        String now = clock.instant().toString();
        add(headers, DeadLetterHeaders.SERVICE, service);
        add(headers, DeadLetterHeaders.FAILURE_REASON, reasonCode(reason));
        add(headers, DeadLetterHeaders.ATTEMPTS, "1");
        add(headers, DeadLetterHeaders.FIRST_FAILURE, now);
        add(headers, DeadLetterHeaders.LAST_FAILURE, now);
        EventFacts facts = EventFacts.of(record.getPayload() instanceof String text ? text : null);
        UUID entry = facts.timeEntryId() != null ? facts.timeEntryId() : entryFromKey(record);
        add(headers, DeadLetterHeaders.FIRM_ID, facts.firmId());
        add(headers, DeadLetterHeaders.USER_ID, facts.userId());
        add(headers, DeadLetterHeaders.ENTRY_ID, entry == null ? null : entry.toString());
        add(headers, DeadLetterHeaders.MATTER_ID, facts.matterId() == null ? null : facts.matterId().toString());
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<Object> builder = OutgoingKafkaRecordMetadata
                .builder().withHeaders(headers);
        if (given != null) {
            builder.withTopic(given.getTopic()).withKey(given.getKey()).withPartition(given.getPartition());
        }
        return base.with(builder.build());
    }

    /** @return {@code INVALID_EVENT} when the record could not be read, else {@code HANDLER_ERROR} */
    static String reasonCode(Throwable reason) {
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
                return FailureExplainer.INVALID_EVENT;
            }
        }
        return FailureExplainer.HANDLER_ERROR;
    }

    private static UUID entryFromKey(IncomingKafkaRecord<?, ?> record) {
        boolean keyedByEntry = Topic.TIME_ENTRY_APPROVAL.topicName().equals(record.getTopic())
                || Topic.TIME_ENTRY_SYNC_RESULT.topicName().equals(record.getTopic());
        if (!keyedByEntry || !(record.getKey() instanceof String key)) {
            return null;
        }
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void add(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
