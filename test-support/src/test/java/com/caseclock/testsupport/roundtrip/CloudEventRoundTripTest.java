package com.caseclock.testsupport.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventType;
import com.caseclock.events.Topic;
import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.testsupport.events.SampleEvents;
import com.caseclock.testsupport.kafka.KafkaBrokerResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * One event of each type, and one tombstone per compacted topic, published through SmallRye's Kafka connector to the
 * real broker and consumed back: the key, the topic, every CloudEvents header and the payload arrive intact.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
class CloudEventRoundTripTest {

    private static final URI SOURCE = URI.create("/caseclock/test-support");

    @Inject
    RoundTripProbe probe;

    @Test
    void everyEventTypeCrossesTheBrokerWithItsHeadersAndKeyIntact() throws InterruptedException {
        EventCodec codec = EventCodec.shared();
        String firmId = "firm-rt-" + UUID.randomUUID().toString().substring(0, 8);
        Map<UUID, OutgoingEvent> sent = new HashMap<>();
        Map<UUID, DomainEvent> events = new HashMap<>();
        for (EventType type : EventType.values()) {
            DomainEvent event = SampleEvents.of(type, UUID.randomUUID(), firmId);
            OutgoingEvent outgoing = OutgoingEvent.of(event, codec);
            sent.put(event.eventId(), outgoing);
            events.put(event.eventId(), event);
        }
        for (Topic topic : Topic.values()) {
            topic.tombstoneCeType().ifPresent(ceType -> {
                UUID id = UUID.randomUUID();
                sent.put(id, new OutgoingEvent(topic.topicName(), firmId + ":deleted-" + id, id, ceType, "42",
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), null));
            });
        }
        for (OutgoingEvent outgoing : sent.values()) {
            probe.send(outgoing.toMessage(SOURCE));
        }

        List<Message<String>> ours = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ours.size() < sent.size() && System.nanoTime() < deadline) {
            Message<String> message = probe.received().poll(1, TimeUnit.SECONDS);
            if (message != null && sent.containsKey(ceId(message))) {
                ours.add(message);
            }
        }
        assertThat(ours).hasSize(sent.size());

        for (Message<String> message : ours) {
            OutgoingEvent expected = sent.get(ceId(message));
            IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
            assertThat(kafka.getTopic()).isEqualTo(expected.topic());
            assertThat(kafka.getKey()).isEqualTo(expected.key());

            Headers headers = kafka.getHeaders();
            assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(headers, "ce_id")).isEqualTo(expected.eventId().toString());
            assertThat(header(headers, "ce_type")).isEqualTo(expected.ceType());
            assertThat(header(headers, "ce_source")).isEqualTo(SOURCE.toString());
            assertThat(header(headers, "ce_subject")).isEqualTo(expected.subject());
            assertThat(Instant.parse(header(headers, "ce_time"))).isEqualTo(expected.occurredAt());
            if (expected.tombstone()) {
                assertThat(message.getPayload()).isNull();
                continue;
            }
            assertThat(header(headers, "content-type")).isEqualTo("application/json");

            // SmallRye reads the same envelope back as CloudEvents metadata.
            IncomingCloudEventMetadata<?> ce = message.getMetadata(IncomingCloudEventMetadata.class).orElseThrow();
            assertThat(ce.getId()).isEqualTo(expected.eventId().toString());
            assertThat(ce.getType()).isEqualTo(expected.ceType());
            assertThat(ce.getSource()).isEqualTo(SOURCE);
            assertThat(ce.getSubject()).contains(expected.subject());

            DomainEvent decoded = codec.decode(message.getPayload(), expected.ceType());
            assertThat(decoded).isEqualTo(events.get(expected.eventId()));
        }
    }

    private static UUID ceId(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> header(m.getHeaders(), "ce_id"))
                .map(UUID::fromString)
                .orElse(null);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
