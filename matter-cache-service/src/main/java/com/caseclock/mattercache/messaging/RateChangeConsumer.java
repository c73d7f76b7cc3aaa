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
 * rates; dispatch on {@code ce_type}) into the rate tables, with the same rules as {@link MatterChangeConsumer}
 * ({@link ProjectionConsumer}). Tombstone keys are {@code <firmId>:<rateKind>:<clioId>}.
 */
@ApplicationScoped
public class RateChangeConsumer implements Projection {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "rate-changes-in";

    private static final String TOMBSTONE_TYPE = Topic.RATE_CHANGED.tombstoneCeType().orElseThrow();
    private static final Set<String> KINDS = Set.of(EventKeys.RATE_KIND_USER, EventKeys.RATE_KIND_CLIENT_RATE,
            EventKeys.RATE_KIND_ACTIVITY_DESCRIPTION);

    private final RateRepository rates;
    private final ProjectionConsumer consumer;

    RateChangeConsumer(InboxRepository inbox, RateRepository rates, AppliedEvents applied,
            ConsumerPositions positions, MatterCacheConfig config) {
        this.rates = rates;
        this.consumer = new ProjectionConsumer(CHANNEL, this, inbox, applied, positions, config.ingest().maxBatch());
    }

    /**
     * Hands one record to the batcher.
     *
     * @param message key = {@code <firmId>:<rateKind>:<clioId>}, value = JSON payload or {@code null} (tombstone)
     * @return completes when the next record may be delivered (back-pressure)
     */
    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<String> message) {
        return consumer.submit(message);
    }

    /** {@inheritDoc} The three rate types. */
    @Override
    public boolean accepts(DomainEvent event) {
        return event instanceof UserRateChangedV1 || event instanceof ClientRateChangedV1
                || event instanceof ActivityDescriptionRateChangedV1;
    }

    /** {@inheritDoc} With a known rate kind only. */
    @Override
    public TombstoneKey tombstoneKey(ReceivedEvent tombstone, ConsumerRecord<String, String> record) {
        TombstoneKey key = TombstoneKey.ofRate(tombstone, record, TOMBSTONE_TYPE);
        if (!KINDS.contains(key.kind())) {
            throw new InvalidEventException("rate tombstone key has an unknown rate kind: " + record.key());
        }
        return key;
    }

    @Override
    public void delete(TombstoneKey key) {
        rates.delete(key.firmId(), key.kind(), key.clioId(), key.deletedAt());
    }

    @Override
    public void applySnapshots(List<Delivered> run, AppliedEvents.Tally tally) {
        for (Delivered d : run) {
            DomainEvent event = d.event().event();
            ApplyOutcome outcome;
            if (event instanceof UserRateChangedV1 user) {
                outcome = rates.upsert(user);
            } else if (event instanceof ClientRateChangedV1 clientRate) {
                outcome = rates.upsert(clientRate);
            } else {
                outcome = rates.upsert((ActivityDescriptionRateChangedV1) event);
            }
            ProjectionConsumer.handled(tally, d, outcome);
        }
    }

    @PreDestroy
    void stop() {
        consumer.stop();
    }
}
