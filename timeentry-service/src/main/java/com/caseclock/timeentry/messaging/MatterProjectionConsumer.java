package com.caseclock.timeentry.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.caseclock.events.EventCodec;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.timeentry.repository.InboxRepository;
import com.caseclock.timeentry.service.MatterProjectionService;

/**
 * Consumes {@code clio.matter.changed.v1} (compacted, key {@code <firmId>:<clioMatterId>}) in this service's own
 * consumer group into the slim matter projection; a tombstone deletes the matter. A new or changed matter assigns the
 * firm's drafts waiting for its display number ({@link MatterProjectionService}).
 */
@ApplicationScoped
public class MatterProjectionConsumer {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "matters-in";

    private static final Logger LOG = Logger.getLogger(MatterProjectionConsumer.class);

    private final EventCodec codec = EventCodec.shared();
    private final InboxRepository inbox;
    private final MatterProjectionService projection;

    MatterProjectionConsumer(InboxRepository inbox, MatterProjectionService projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    /**
     * @param record key {@code <firmId>:<clioMatterId>}, value = JSON payload or {@code null} (tombstone)
     * @throws InvalidEventException for a poison record
     */
    @Incoming(CHANNEL)
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.read(record, codec);
        if (!inbox.recordFirstDelivery(CHANNEL, received)) {
            return;
        }
        if (received.tombstone()) {
            try {
                projection.deleted(received.key(), received.ceId());
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException("Malformed matter key " + received.key());
            }
            return;
        }
        if (!(received.event() instanceof MatterChangedV1 matter)) {
            throw new InvalidEventException("Unexpected event type " + received.ceType() + " on " + received.topic());
        }
        int assigned = projection.changed(matter);
        if (assigned > 0) {
            LOG.infof("Matter %s of firm %s assigned to %d waiting entries", matter.matter().displayNumber(),
                    matter.firmId(), assigned);
        }
    }
}
