package com.caseclock.mattercache.messaging;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.caseclock.events.ClientChangedV1;
import com.caseclock.events.DomainEvent;
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
 * {@link MatterChangeConsumer} ({@link ProjectionConsumer}: batches, inbox, version guard, tombstones, dead-letter
 * topic). An applied client also renames the client on the firm's cached matters, so matter search finds the current
 * client name.
 */
@ApplicationScoped
public class ClientChangeConsumer implements Projection {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "client-changes-in";

    private static final String TOMBSTONE_TYPE = Topic.CLIENT_CHANGED.tombstoneCeType().orElseThrow();

    private final ClientRepository clients;
    private final MatterRepository matters;
    private final ProjectionConsumer consumer;

    ClientChangeConsumer(InboxRepository inbox, ClientRepository clients, MatterRepository matters,
            AppliedEvents applied, ConsumerPositions positions, MatterCacheConfig config) {
        this.clients = clients;
        this.matters = matters;
        this.consumer = new ProjectionConsumer(CHANNEL, this, inbox, applied, positions, config.ingest().maxBatch());
    }

    /**
     * Hands one record to the batcher.
     *
     * @param message key = {@code <firmId>:<clioContactId>}, value = JSON payload or {@code null} (tombstone)
     * @return completes when the next record may be delivered (back-pressure)
     */
    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<String> message) {
        return consumer.submit(message);
    }

    @Override
    public boolean accepts(DomainEvent event) {
        return event instanceof ClientChangedV1;
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
        clients.delete(key.firmId(), key.clioId(), key.deletedAt());
    }

    @Override
    public void applySnapshots(List<Delivered> run, AppliedEvents.Tally tally) {
        for (Delivered d : run) {
            ClientChangedV1 e = (ClientChangedV1) d.event().event();
            ApplyOutcome outcome = clients.upsert(e.firmId(), e.client(), e.eventId(), e.occurredAt());
            if (outcome == ApplyOutcome.APPLIED) {
                matters.renameClient(e.firmId(), e.client().clioId(), e.client().name());
            }
            ProjectionConsumer.handled(tally, d, outcome);
        }
    }

    @PreDestroy
    void stop() {
        consumer.stop();
    }
}
