package com.caseclock.timeentry.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.MatterSnapshot;
import com.caseclock.events.MatterStatus;
import com.caseclock.testsupport.kafka.CloudEventRecords;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Publishes events to the embedded broker the way a well-behaved producer would. */
public final class Events {

    private Events() {
    }

    /** Publishes one event (same id as ce_id) and waits for the broker's ack. */
    public static void publish(KafkaCompanion companion, DomainEvent event) {
        companion.produceStrings().fromRecords(List.of(CloudEventRecords.record(event.type().topic().topicName(),
                event.kafkaKey(), event.eventId(), event.type().ceType(), EventCodec.shared().encode(event))))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /** @return a matter snapshot event */
    public static MatterChangedV1 matter(String firm, long clioId, String displayNumber, MatterStatus status,
            Instant clioUpdatedAt) {
        return MatterChangedV1.of(firm, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                new MatterSnapshot(clioId, displayNumber, "Lease dispute " + displayNumber, status, 2_001L,
                        "O'Brien & Müller LLP", null, null, true, null, null, null, null,
                        clioUpdatedAt.truncatedTo(ChronoUnit.MILLIS), null));
    }

    /** @return a fresh random event id */
    public static UUID id() {
        return UUID.randomUUID();
    }
}
