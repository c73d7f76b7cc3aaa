package com.caseclock.service.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import com.caseclock.events.InvalidEventException;
import com.caseclock.events.Topic;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * Every service's failure strategy for incoming Kafka channels ({@code failure-strategy=}{@value #STRATEGY}, set for
 * all channels in the {@code events} module's {@code META-INF/microprofile-config.properties}).
 * <p>
 * While the service runs: SmallRye's own {@code dead-letter-queue} strategy (same topic, key, value, original headers
 * and its {@code dead-letter-reason/-cause/-exception-class-name/-topic/-partition/-offset} headers), plus what
 * support needs to find and understand the record (see {@link DeadLetterHeaders}): the consuming service, the
 * classified reason ({@value DeadLetterHeaders#INVALID_EVENT} or {@value DeadLetterHeaders#HANDLER_ERROR}), attempts
 * (1: a consumer failure is not retried), the failure time as first and last failure, and the firm, user, time entry
 * and Clio matter read from the payload where it can be read.
 * <p>
 * Once the application is shutting down (Quarkus {@link ShutdownEvent}), a failure is most likely the shutdown itself
 * (a closed {@code EntityManagerFactory} or data source) rather than a bad record, so the record is NOT dead-lettered
 * and its offset is NOT committed: like SmallRye's {@code fail} strategy, the channel is reported failed and stops,
 * and the record is consumed again after the restart (a record that is truly bad is dead-lettered then).
 */
@ApplicationScoped
@Identifier(EnrichedDeadLetterQueue.STRATEGY)
public class EnrichedDeadLetterQueue implements KafkaFailureHandler.Factory {

    /** The strategy name used in {@code failure-strategy}. */
    public static final String STRATEGY = "caseclock-dead-letter-queue";

    private static final Logger LOG = Logger.getLogger(EnrichedDeadLetterQueue.class);

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final String service;
    private final Clock clock;
    private final BooleanSupplier shuttingDown;
    private volatile boolean shutdownSeen;

    @Inject
    EnrichedDeadLetterQueue(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
            KafkaFailureHandler.Factory deadLetterQueue,
            @ConfigProperty(name = "quarkus.application.name") String service, Instance<Clock> clock) {
        this.deadLetterQueue = deadLetterQueue;
        this.service = service;
        this.clock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        this.shuttingDown = () -> shutdownSeen;
    }

    /**
     * For tests: a strategy whose shutdown state is read from {@code shuttingDown}.
     *
     * @param deadLetterQueue SmallRye's dead-letter-queue factory (or a stand-in)
     * @param service         the consuming service's name, e.g. {@code timeentry-service}
     * @param clock           the clock the failure times are read from
     * @param shuttingDown    {@code true} once the application is shutting down
     */
    EnrichedDeadLetterQueue(KafkaFailureHandler.Factory deadLetterQueue, String service, Clock clock,
            BooleanSupplier shuttingDown) {
        this.deadLetterQueue = deadLetterQueue;
        this.service = service;
        this.clock = clock;
        this.shuttingDown = shuttingDown;
    }

    /**
     * Marks the application as shutting down, before any other shutdown observer (data sources and the
     * {@code EntityManagerFactory} close after this).
     *
     * @param event Quarkus' shutdown event
     */
    void onShutdown(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        shutdownSeen = true;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler delegate = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (shuttingDown.getAsBoolean()) {
                    return keepForRestart(record, reason, reportFailure);
                }
                return delegate.handle(record, reason, enrich(record, reason, metadata));
            }

            @Override
            public void terminate() {
                delegate.terminate();
            }
        };
    }

    /**
     * What SmallRye's {@code fail} strategy does: report the channel failed (it stops consuming) and fail the nack,
     * so the offset is not committed and the record is read again after the restart.
     */
    private static <K, V> Uni<Void> keepForRestart(IncomingKafkaRecord<K, V> record, Throwable reason,
            BiConsumer<Throwable, Boolean> reportFailure) {
        LOG.warnf("Record %s-%d@%d failed while the service is shutting down (%s); not dead-lettered: shutting down; "
                + "it will be consumed again after restart", record.getTopic(), record.getPartition(),
                record.getOffset(), reason);
        reportFailure.accept(reason, true);
        return Uni.createFrom().<Void>failure(reason).emitOn(record::runOnMessageContext);
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

    /**
     * @param reason why the record failed
     * @return {@value DeadLetterHeaders#INVALID_EVENT} when the record could not be read (an
     *         {@link InvalidEventException} anywhere in the cause chain), else {@value DeadLetterHeaders#HANDLER_ERROR}
     */
    public static String reasonCode(Throwable reason) {
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
                return DeadLetterHeaders.INVALID_EVENT;
            }
        }
        return DeadLetterHeaders.HANDLER_ERROR;
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
