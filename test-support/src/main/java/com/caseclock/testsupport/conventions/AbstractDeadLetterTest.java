package com.caseclock.testsupport.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventJson;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.kafka.CloudEventRecords;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The shared consumer conventions, proven per consuming service against the real broker: a record that is not valid
 * JSON, and one that violates its schema, end on the service's dead-letter topic with the error in their headers, and
 * the consumer goes on to handle the next (valid) record of the same partition. Every service's dead letters also carry
 * the support headers (consuming service, reason code, attempts).
 *
 * <p>A service's test extends it with {@code @QuarkusTest} and names the channel, its topic and a valid event.
 */
public abstract class AbstractDeadLetterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** @return the companion injected by {@code KafkaBrokerResource} (declare an {@code @InjectKafkaCompanion} field) */
    protected abstract KafkaCompanion companion();

    /** @return the topic the consumer under test reads */
    protected abstract Topic consumedTopic();

    /** @return the consuming service's dead-letter topic */
    protected abstract Topic deadLetterTopic();

    /** @return the consumer's name in the inbox (its channel) */
    protected abstract String consumerName();

    /**
     * @param eventId the id the event must carry
     * @param firmId  a firm id unique to the test
     * @return a valid event for {@link #consumedTopic()}
     */
    protected abstract DomainEvent validEvent(UUID eventId, String firmId);

    /** @return the service's own data source */
    protected abstract DataSource dataSource();

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheConsumerGoesOn() throws SQLException {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        UUID notJsonId = UUID.randomUUID();
        UUID violatingId = UUID.randomUUID();
        UUID validId = UUID.randomUUID();
        DomainEvent valid = validEvent(validId, firmId);
        String ceType = valid.type().ceType();
        String key = valid.kafkaKey();

        ObjectNode violating = (ObjectNode) EventJson.mapper().valueToTree(validEvent(violatingId, firmId));
        violating.remove("firmId");
        violating.put("schemaVersion", "one");
        String topic = consumedTopic().topicName();

        try (ConsumerTask<String, String> deadLetters = companion().consumeStrings()
                .withGroupId("dlq-probe-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(deadLetterTopic().topicName())) {

            // Same key, so same partition: the two poison records come before the valid one.
            companion().produceStrings().fromRecords(List.of(
                    CloudEventRecords.record(topic, key, notJsonId, ceType, "{\"eventId\": oops, not json"),
                    CloudEventRecords.record(topic, key, violatingId, ceType, violating.toString()),
                    CloudEventRecords.record(topic, key, validId, ceType, EventCodec.shared().encode(valid))))
                    .awaitCompletion(TIMEOUT);

            Awaitility.await().atMost(TIMEOUT).until(() -> processed(validId));
            Awaitility.await().atMost(TIMEOUT).until(() -> ours(deadLetters.getRecords(), key).size() == 2);

            List<ConsumerRecord<String, String>> dead = ours(deadLetters.getRecords(), key);
            assertThat(dead).extracting(r -> header(r, "ce_id"))
                    .containsExactly(notJsonId.toString(), violatingId.toString());
            assertThat(dead.get(0).value()).isEqualTo("{\"eventId\": oops, not json");
            assertThat(dead.get(1).value()).isEqualTo(violating.toString());
            assertThat(header(dead.get(0), "dead-letter-reason")).contains("not valid JSON");
            assertThat(header(dead.get(1), "dead-letter-reason")).contains("firmId").contains("schemaVersion");
            for (ConsumerRecord<String, String> r : dead) {
                assertThat(header(r, "dead-letter-topic")).isEqualTo(topic);
                assertThat(header(r, "dead-letter-partition")).isNotBlank();
                assertThat(header(r, "dead-letter-offset")).isNotBlank();
                assertThat(header(r, "dead-letter-exception-class-name"))
                        .as("headers: %s", java.util.Arrays.toString(r.headers().toArray()))
                        .isEqualTo("com.caseclock.events.InvalidEventException");
                // The support headers every service's strategy adds (docs/events.md, "Dead-letter headers").
                assertThat(header(r, "dead-letter-service"))
                        .isEqualTo(deadLetterTopic().topicName().replace(".dead-letter.v1", ""));
                assertThat(header(r, "dead-letter-failure-reason")).isEqualTo("INVALID_EVENT");
                assertThat(header(r, "dead-letter-attempts")).isEqualTo("1");
            }
        }
        assertThat(processed(notJsonId)).as("not-JSON record handled").isFalse();
        assertThat(processed(violatingId)).as("schema-violating record handled").isFalse();
        assertThat(processed(validId)).isTrue();
    }

    private static List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private boolean processed(UUID eventId) throws SQLException {
        try (Connection c = dataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?")) {
            s.setString(1, consumerName());
            s.setObject(2, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
