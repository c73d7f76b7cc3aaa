package com.caseclock.mattercache.messaging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.caseclock.events.ActivityDescriptionRateChangedV1;
import com.caseclock.events.ClientRateChangedV1;
import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventKeys;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.Topic;
import com.caseclock.events.UserRateChangedV1;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.mattercache.config.MatterCacheConfig;
import com.caseclock.mattercache.repository.ApplyOutcome;
import com.caseclock.mattercache.repository.InboxRepository;
import com.caseclock.mattercache.repository.RateRepository;
import com.caseclock.mattercache.service.AppliedEvents;
import com.caseclock.mattercache.service.ConsumerPositions;

/**
 * Consumes topic {@code clio.rate.changed.v1} (user default rates and groups, client rates, activity description
 * rates; dispatch on {@code ce_type}) into the rate tables, with the same rules as {@link MatterChangeConsumer}.
 * Tombstone keys are {@code <firmId>:<rateKind>:<clioId>}.
 */
@ApplicationScoped
public class RateChangeConsumer implements BatchHandler {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "rate-changes-in";

    private static final String TOMBSTONE_TYPE = Topic.RATE_CHANGED.tombstoneCeType().orElseThrow();
    private static final Set<String> KINDS = Set.of(EventKeys.RATE_KIND_USER, EventKeys.RATE_KIND_CLIENT_RATE,
            EventKeys.RATE_KIND_ACTIVITY_DESCRIPTION);

    private final EventCodec codec = EventCodec.shared();
    private final InboxRepository inbox;
    private final RateRepository rates;
    private final AppliedEvents applied;
    private final RecordBatcher batcher;

    RateChangeConsumer(InboxRepository inbox, RateRepository rates, AppliedEvents applied,
            ConsumerPositions positions, MatterCacheConfig config) {
        this.inbox = inbox;
        this.rates = rates;
        this.applied = applied;
        this.batcher = new RecordBatcher(CHANNEL, this, positions, config.ingest().maxBatch());
    }

    /**
     * Hands one record to the batcher.
     *
     * @param message key = {@code <firmId>:<rateKind>:<clioId>}, value = JSON payload or {@code null} (tombstone)
     * @return completes when the next record may be delivered (back-pressure)
     */
    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<String> message) {
        return batcher.submit(message);
    }

    /** {@inheritDoc} The three rate types and rate tombstones with a known rate kind only. */
    @Override
    public ReceivedEvent read(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.read(record, codec);
        if (received.tombstone()) {
            TombstoneKey key = TombstoneKey.ofRate(received, record, TOMBSTONE_TYPE);
            if (!KINDS.contains(key.kind())) {
                throw new InvalidEventException("rate tombstone key has an unknown rate kind: " + record.key());
            }
        } else if (!(received.event() instanceof UserRateChangedV1
                || received.event() instanceof ClientRateChangedV1
                || received.event() instanceof ActivityDescriptionRateChangedV1)) {
            throw new InvalidEventException("unexpected ce_type " + received.ceType() + " on " + record.topic());
        }
        return received;
    }

    /** {@inheritDoc} */
    @Override
    public void apply(List<Delivered> batch) {
        boolean[] first = inbox.recordFirstDeliveries(CHANNEL, batch.stream().map(Delivered::event).toList());
        AppliedEvents.Tally tally = applied.tally();
        for (int i = 0; i < batch.size(); i++) {
            Delivered d = batch.get(i);
            ConsumerRecord<String, String> record = d.record();
            if (!first[i]) {
                tally.duplicate(record.topic());
                continue;
            }
            if (d.event().tombstone()) {
                TombstoneKey key = TombstoneKey.ofRate(d.event(), record, TOMBSTONE_TYPE);
                rates.delete(key.firmId(), key.kind(), key.clioId(), key.deletedAt());
                tally.handled(key.firmId(), record.topic(), record.partition(), key.deletedAt(), null);
                continue;
            }
            DomainEvent event = d.event().event();
            ApplyOutcome outcome;
            if (event instanceof UserRateChangedV1 user) {
                outcome = rates.upsert(user);
            } else if (event instanceof ClientRateChangedV1 clientRate) {
                outcome = rates.upsert(clientRate);
            } else {
                outcome = rates.upsert((ActivityDescriptionRateChangedV1) event);
            }
            tally.handled(event.firmId(), record.topic(), record.partition(), event.occurredAt(), outcome);
        }
        applied.record(tally);
    }

    @PreDestroy
    void stop() {
        batcher.stop();
    }
}
