package com.caseclock.connector.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import com.caseclock.service.messaging.DeadLetterHeaders;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Republishes a failed event's original record to its original topic (channel {@value #CHANNEL}): same key, same
 * value, the original CloudEvents headers (so the same {@code ce_id}), none of the dead-letter headers, plus
 * {@value DeadLetterHeaders#REPLAY_OF} naming the failed event. The consumers' own rules then apply: the approval
 * consumer hands a replayed approval to its posting job (a FAILED job is retried, a DONE one only answers again, and
 * {@code activity_mapping} keeps Clio to one activity per entry); other consumers never recorded a failed event in
 * their inbox (the failing transaction rolled back), so they handle it as new.
 */
@ApplicationScoped
public class Replayer {

    /** Channel name. */
    public static final String CHANNEL = "support-replay-out";

    private final MutinyEmitter<String> emitter;

    @Inject
    Replayer(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends and waits for the broker's acknowledgement.
     *
     * @throws RuntimeException when the broker did not take the record within 10 seconds
     */
    public void republish(UUID failedEventId, String topic, String key, String value, Map<String, String> headers) {
        RecordHeaders out = new RecordHeaders();
        headers.forEach((name, v) -> {
            if (!name.startsWith(DeadLetterHeaders.PREFIX) && !name.equals(DeadLetterHeaders.REPLAY_OF)
                    && v != null) {
                out.add(name, v.getBytes(StandardCharsets.UTF_8));
            }
        });
        out.add(DeadLetterHeaders.REPLAY_OF, failedEventId.toString().getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder().withTopic(topic)
                .withKey(key).withHeaders(out).build();
        emitter.sendMessage(Message.of(value, Metadata.of(kafka))).await().atMost(Duration.ofSeconds(10));
    }
}
