package com.caseclock.mattercache.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.caseclock.events.ClientChangedV1;
import com.caseclock.events.EventCodec;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.Topic;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.mattercache.config.MatterCacheConfig;
import com.caseclock.mattercache.repository.ApplyOutcome;
import com.caseclock.mattercache.repository.ClientRepository;
import com.caseclock.mattercache.repository.InboxRepository;
import com.caseclock.mattercache.repository.MatterRepository;
import com.caseclock.mattercache.service.AppliedEvents;
import com.caseclock.mattercache.service.ConsumerPositions;

/**
 * Consumes topic {@code clio.client.changed.v1} into the {@code client} table, with the same rules as
 * {@link MatterChangeConsumer} (batches, inbox, version guard, tombstones, dead-letter topic). An applied client also
 * renames the client on the firm's cached matters, so matter search finds the current client name.
 */
@ApplicationScoped
public class ClientChangeConsumer implements BatchHandler {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "client-changes-in";

    private static final String TOMBSTONE_TYPE = Topic.CLIENT_CHANGED.tombstoneCeType().orElseThrow();

    private final EventCodec codec = EventCodec.shared();
    private final InboxRepository inbox;
    private final ClientRepository clients;
    private final MatterRepository matters;
    private final AppliedEvents applied;
    private final RecordBatcher batcher;

    ClientChangeConsumer(InboxRepository inbox, ClientRepository clients, MatterRepository matters,
            AppliedEvents applied, ConsumerPositions positions, MatterCacheConfig config) {
        this.inbox = inbox;
        this.clients = clients;
        this.matters = matters;
        this.applied = applied;
        this.batcher = new RecordBatcher(CHANNEL, this, positions, config.ingest().maxBatch());
    }

    /**
     * Hands one record to the batcher.
     *
     * @param message key = {@code <firmId>:<clioContactId>}, value = JSON payload or {@code null} (tombstone)
     * @return completes when the next record may be delivered (back-pressure)
     */
    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<String> message) {
        return batcher.submit(message);
    }

    /** {@inheritDoc} Client snapshots and client tombstones only. */
    @Override
    public ReceivedEvent read(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.read(record, codec);
        if (received.tombstone()) {
            TombstoneKey.ofEntity(received, record, TOMBSTONE_TYPE);
        } else if (!(received.event() instanceof ClientChangedV1)) {
            throw new InvalidEventException("unexpected ce_type " + received.ceType() + " on " + record.topic());
        }
        return received;
    }

    /** {@inheritDoc} */
    @Override
    public void apply(List<Delivered> batch) {
        matters.lockClientNames();
        boolean[] first = inbox.recordFirstDeliveries(CHANNEL, batch.stream().map(Delivered::event).toList());
        AppliedEvents.Tally tally = applied.tally();
        for (int i = 0; i < batch.size(); i++) {
            Delivered d = batch.get(i);
            ConsumerRecord<String, String> record = d.record();
            if (!first[i]) {
                tally.duplicate(record.topic());
            } else if (d.event().tombstone()) {
                TombstoneKey key = TombstoneKey.ofEntity(d.event(), record, TOMBSTONE_TYPE);
                clients.delete(key.firmId(), key.clioId(), key.deletedAt());
                tally.handled(key.firmId(), record.topic(), record.partition(), key.deletedAt(), null);
            } else {
                ClientChangedV1 e = (ClientChangedV1) d.event().event();
                ApplyOutcome outcome = clients.upsert(e.firmId(), e.client(), e.eventId());
                if (outcome == ApplyOutcome.APPLIED) {
                    matters.renameClient(e.firmId(), e.client().clioId(), e.client().name());
                }
                tally.handled(e.firmId(), record.topic(), record.partition(), e.occurredAt(), outcome);
            }
        }
        applied.record(tally);
    }

    @PreDestroy
    void stop() {
        batcher.stop();
    }
}
