package com.caseclock.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import com.caseclock.events.InvalidEventException;
import com.caseclock.events.Topic;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * The strategy around a stand-in for SmallRye's dead-letter-queue handler (the services' DLQ tests run it against the
 * real broker): while running every failure is handed to the dead-letter queue with the support headers; once the
 * application is shutting down, nothing is dead-lettered, the nack fails (so the offset is not committed) and the
 * channel is reported failed, as SmallRye's {@code fail} strategy does.
 */
class EnrichedDeadLetterQueueTest {

    private static final Instant NOW = Instant.parse("2026-11-29T19:00:00Z");

    private final List<Metadata> deadLettered = new ArrayList<>();
    private final List<Throwable> reported = new ArrayList<>();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    private final KafkaFailureHandler.Factory deadLetterQueue = (config, vertx, consumer, reportFailure) ->
            new KafkaFailureHandler() {
                @Override
                public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason,
                        Metadata metadata) {
                    deadLettered.add(metadata);
                    return Uni.createFrom().voidItem();
                }
            };

    private final KafkaFailureHandler handler = new EnrichedDeadLetterQueue(deadLetterQueue, "timeentry-service",
            Clock.fixed(NOW, ZoneOffset.UTC), shuttingDown::get)
            .create(null, null, null, (failure, fatal) -> reported.add(failure));

    @Test
    void whileRunningAFailedRecordIsDeadLetteredWithTheSupportHeaders() {
        UUID entry = UUID.randomUUID();
        IncomingKafkaRecord<String, String> record = record(Topic.TIME_ENTRY_APPROVAL.topicName(), entry.toString(),
                "{\"firmId\":\"firm-1\",\"entry\":{\"userId\":\"u1\",\"matterClioId\":486}}");

        handler.handle(record, new IllegalStateException("boom"), Metadata.empty())
                .await().atMost(Duration.ofSeconds(5));

        assertThat(deadLettered).hasSize(1);
        assertThat(reported).isEmpty();
        OutgoingKafkaRecordMetadata<?> out = deadLettered.get(0).get(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(header(out, DeadLetterHeaders.SERVICE)).isEqualTo("timeentry-service");
        assertThat(header(out, DeadLetterHeaders.FAILURE_REASON)).isEqualTo(DeadLetterHeaders.HANDLER_ERROR);
        assertThat(header(out, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(out, DeadLetterHeaders.FIRST_FAILURE)).isEqualTo(NOW.toString());
        assertThat(header(out, DeadLetterHeaders.FIRM_ID)).isEqualTo("firm-1");
        assertThat(header(out, DeadLetterHeaders.USER_ID)).isEqualTo("u1");
        assertThat(header(out, DeadLetterHeaders.ENTRY_ID)).isEqualTo(entry.toString());
        assertThat(header(out, DeadLetterHeaders.MATTER_ID)).isEqualTo("486");
    }

    @Test
    void anUnreadableRecordIsClassifiedAsAnInvalidEvent() {
        IncomingKafkaRecord<String, String> record = record(Topic.MATTER_CHANGED.topicName(), "m-1", "not json");

        handler.handle(record, new RuntimeException(new InvalidEventException("not JSON")), null)
                .await().atMost(Duration.ofSeconds(5));

        OutgoingKafkaRecordMetadata<?> out = deadLettered.get(0).get(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(header(out, DeadLetterHeaders.FAILURE_REASON)).isEqualTo(DeadLetterHeaders.INVALID_EVENT);
        assertThat(header(out, DeadLetterHeaders.FIRM_ID)).isNull();
    }

    @Test
    void whileShuttingDownAFailedRecordIsNotDeadLetteredAndItsNackFails() {
        shuttingDown.set(true);
        IllegalStateException closed = new IllegalStateException("EntityManagerFactory is closed");
        IncomingKafkaRecord<String, String> record = record(Topic.MATTER_CHANGED.topicName(), "m-1",
                "{\"firmId\":\"firm-1\",\"matterClioId\":486}");

        Uni<Void> nack = handler.handle(record, closed, Metadata.empty());

        assertThatThrownBy(() -> nack.await().atMost(Duration.ofSeconds(5))).isSameAs(closed);
        assertThat(deadLettered).isEmpty();
        assertThat(reported).containsExactly(closed);
    }

    private static IncomingKafkaRecord<String, String> record(String topic, String key, String value) {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>(topic, 0, 42L, key, value), "in", -1, null, null,
                false, false);
    }

    private static String header(OutgoingKafkaRecordMetadata<?> metadata, String name) {
        Header header = metadata.getHeaders().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
