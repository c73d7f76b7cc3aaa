package com.caseclock.mattercache.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.caseclock.events.DomainEvent;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.Topic;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.mattercache.config.MatterCacheConfig;
import com.caseclock.mattercache.repository.ApplyOutcome;
import com.caseclock.mattercache.repository.InboxRepository;
import com.caseclock.mattercache.repository.MatterRepository;
import com.caseclock.mattercache.service.AppliedEvents;
import com.caseclock.mattercache.service.ConsumerPositions;

/**
 * Consumes topic {@code clio.matter.changed.v1} (matter snapshots and tombstones from clio-connector) in the service's
 * consumer group into the {@code matter} table, through {@link ProjectionConsumer} (batches, inbox, dead-letter
 * topic). A snapshot is applied only if its {@code clioUpdatedAt} is newer than the stored one and than any deletion
 * of the matter; a tombstone deletes the matter and leaves a deletion marker.
 */
@ApplicationScoped
public class MatterChangeConsumer implements Projection {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "matter-changes-in";

    private static final String TOMBSTONE_TYPE = Topic.MATTER_CHANGED.tombstoneCeType().orElseThrow();

    private final MatterRepository matters;
    private final ProjectionConsumer consumer;

    MatterChangeConsumer(InboxRepository inbox, MatterRepository matters, AppliedEvents applied,
            ConsumerPositions positions, MatterCacheConfig config) {
        this.matters = matters;
        this.consumer = new ProjectionConsumer(CHANNEL, this, inbox, applied, positions, config.ingest().maxBatch());
    }

    /**
     * Hands one record to the batcher.
     *
     * @param message key = {@code <firmId>:<clioMatterId>}, value = JSON payload or {@code null} (tombstone)
     * @return completes when the next record may be delivered (back-pressure)
     */
    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<String> message) {
        return consumer.submit(message);
    }

    @Override
    public boolean accepts(DomainEvent event) {
        return event instanceof MatterChangedV1;
    }

    @Override
    public TombstoneKey tombstoneKey(ReceivedEvent tombstone, ConsumerRecord<String, String> record) {
        return TombstoneKey.ofEntity(tombstone, record, TOMBSTONE_TYPE);
    }

    /** Serialises the writers of the matters' client names (see {@link MatterRepository#lockClientNames()}). */
    @Override
    public void beforeBatch() {
        matters.lockClientNames();
    }

    @Override
    public void delete(TombstoneKey key) {
        matters.delete(key.firmId(), key.clioId(), key.deletedAt());
    }

    /** {@inheritDoc} In one statement ({@link MatterRepository#upsertAll}). */
    @Override
    public void applySnapshots(List<Delivered> run, AppliedEvents.Tally tally) {
        List<MatterRepository.Upsert> upserts = new ArrayList<>(run.size());
        for (Delivered d : run) {
            MatterChangedV1 e = (MatterChangedV1) d.event().event();
            upserts.add(new MatterRepository.Upsert(e.firmId(), e.matter(), e.eventId(), e.occurredAt()));
        }
        ApplyOutcome[] outcomes = matters.upsertAll(upserts);
        for (int i = 0; i < run.size(); i++) {
            ProjectionConsumer.handled(tally, run.get(i), outcomes[i]);
        }
    }

    @PreDestroy
    void stop() {
        consumer.stop();
    }
}
