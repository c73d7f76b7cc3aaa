package com.caseclock.timeentry.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.caseclock.events.ConnectionStatusChangedV1;
import com.caseclock.events.EventCodec;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.timeentry.repository.InboxRepository;
import com.caseclock.timeentry.service.ConnectionStatusService;

/**
 * Consumes {@code connector.connection.status.v1} (compacted, key {@code <firmId>:<userId>}) and keeps the latest
 * state per user by {@code occurredAt}. Inbox insert-first, same transaction; poison records go to the dead-letter
 * topic (shared conventions).
 */
@ApplicationScoped
public class ConnectionStatusConsumer {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "connection-status-in";

    private static final Logger LOG = Logger.getLogger(ConnectionStatusConsumer.class);

    private final EventCodec codec = EventCodec.shared();
    private final InboxRepository inbox;
    private final ConnectionStatusService connections;

    ConnectionStatusConsumer(InboxRepository inbox, ConnectionStatusService connections) {
        this.inbox = inbox;
        this.connections = connections;
    }

    /**
     * @param record key {@code <firmId>:<userId>}, value = JSON payload
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
            LOG.debugf("Tombstone on %s key=%s ignored (users are published as DISCONNECTED)", received.topic(),
                    received.key());
            return;
        }
        if (!(received.event() instanceof ConnectionStatusChangedV1 status)) {
            throw new InvalidEventException("Unexpected event type " + received.ceType() + " on " + received.topic());
        }
        connections.changed(status);
    }
}
