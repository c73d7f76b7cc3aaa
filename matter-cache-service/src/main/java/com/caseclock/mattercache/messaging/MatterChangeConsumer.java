package com.caseclock.mattercache.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.caseclock.events.EventCodec;
import com.caseclock.events.InvalidEventException;
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
 * consumer group into the {@code matter} table.
 *
 * <p>Each record is read as a CloudEvent in binary mode and its JSON payload validated against its schema
 * ({@link ReceivedEvent#read}). Records are applied in batches ({@link RecordBatcher}): per batch one transaction
 * that records the events in the inbox (insert first, so a redelivery changes nothing) and applies them in partition
 * order. A snapshot is applied only if its {@code clioUpdatedAt} is newer than the stored one and than any deletion of
 * the matter; a tombstone deletes the matter and leaves a deletion marker. A record that is not valid JSON, violates
 * its schema, lacks its CloudEvents headers or carries another type is nacked, and the shared failure strategy sends
 * it to {@code matter-cache-service.dead-letter.v1} while the consumer goes on with the next record.
 */
@ApplicationScoped
public class MatterChangeConsumer implements BatchHandler {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "matter-changes-in";

    private static final String TOMBSTONE_TYPE = Topic.MATTER_CHANGED.tombstoneCeType().orElseThrow();

    private final EventCodec codec = EventCodec.shared();
    private final InboxRepository inbox;
    private final MatterRepository matters;
    private final AppliedEvents applied;
    private final RecordBatcher batcher;

    MatterChangeConsumer(InboxRepository inbox, MatterRepository matters, AppliedEvents applied,
            ConsumerPositions positions, MatterCacheConfig config) {
        this.inbox = inbox;
        this.matters = matters;
        this.applied = applied;
        this.batcher = new RecordBatcher(CHANNEL, this, positions, config.ingest().maxBatch());
    }

    /**
     * Hands one record to the batcher.
     *
     * @param message key = {@code <firmId>:<clioMatterId>}, value = JSON payload or {@code null} (tombstone)
     * @return completes when the next record may be delivered (back-pressure)
     */
    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<String> message) {
        return batcher.submit(message);
    }

    /** {@inheritDoc} Matter snapshots and matter tombstones only. */
    @Override
    public ReceivedEvent read(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.read(record, codec);
        if (received.tombstone()) {
            TombstoneKey.ofEntity(received, record, TOMBSTONE_TYPE);
        } else if (!(received.event() instanceof MatterChangedV1)) {
            throw new InvalidEventException("unexpected ce_type " + received.ceType() + " on " + record.topic());
        }
        return received;
    }

    /** {@inheritDoc} Snapshots are upserted in one round trip, split only around tombstones to keep the order. */
    @Override
    public void apply(List<Delivered> batch) {
        matters.lockClientNames();
        boolean[] first = inbox.recordFirstDeliveries(CHANNEL, batch.stream().map(Delivered::event).toList());
        AppliedEvents.Tally tally = applied.tally();
        List<Delivered> run = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Delivered d = batch.get(i);
            if (!first[i]) {
                tally.duplicate(d.record().topic());
            } else if (d.event().tombstone()) {
                upsert(run, tally);
                TombstoneKey key = TombstoneKey.ofEntity(d.event(), d.record(), TOMBSTONE_TYPE);
                matters.delete(key.firmId(), key.clioId(), key.deletedAt());
                tally.handled(key.firmId(), d.record().topic(), d.record().partition(), key.deletedAt(), null);
            } else {
                run.add(d);
            }
        }
        upsert(run, tally);
        applied.record(tally);
    }

    private void upsert(List<Delivered> run, AppliedEvents.Tally tally) {
        if (run.isEmpty()) {
            return;
        }
        List<MatterRepository.Upsert> upserts = new ArrayList<>(run.size());
        for (Delivered d : run) {
            MatterChangedV1 e = (MatterChangedV1) d.event().event();
            upserts.add(new MatterRepository.Upsert(e.firmId(), e.matter(), e.eventId()));
        }
        ApplyOutcome[] outcomes = matters.upsertAll(upserts);
        for (int i = 0; i < run.size(); i++) {
            MatterChangedV1 e = (MatterChangedV1) run.get(i).event().event();
            tally.handled(e.firmId(), run.get(i).record().topic(), run.get(i).record().partition(), e.occurredAt(),
                    outcomes[i]);
        }
        run.clear();
    }

    @PreDestroy
    void stop() {
        batcher.stop();
    }
}
