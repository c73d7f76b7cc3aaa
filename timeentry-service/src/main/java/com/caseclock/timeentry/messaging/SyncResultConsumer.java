package com.caseclock.timeentry.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.caseclock.events.EventCodec;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.timeentry.repository.InboxRepository;

/**
 * Consumes topic {@code connector.time-entry.sync-result.v1} (time-entry sync results from clio-connector) in the service's consumer group.
 *
 * <p>Each record is read as a CloudEvent in binary mode and its JSON payload validated against its schema
 * ({@link ReceivedEvent#read}); the event is recorded in the inbox in the same transaction as its effects, so a
 * redelivery changes nothing. A record that is not valid JSON, violates its schema or lacks its CloudEvents headers
 * throws, the transaction rolls back, and the shared failure strategy sends the record to
 * {@code timeentry-service.dead-letter.v1} while the consumer goes on with the next record.
 */
@ApplicationScoped
public class SyncResultConsumer {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "sync-results-in";

    private static final Logger LOG = Logger.getLogger(SyncResultConsumer.class);

    private final EventCodec codec = EventCodec.shared();
    private final InboxRepository inbox;

    SyncResultConsumer(InboxRepository inbox) {
        this.inbox = inbox;
    }

    /**
     * Handles one record; runs on a worker thread inside a transaction, in partition order.
     *
     * @param record key = aggregate key, value = JSON payload
     * @throws com.caseclock.events.InvalidEventException for a poison record (routed to the dead-letter topic)
     */
    @Incoming(CHANNEL)
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.read(record, codec);
        if (!inbox.recordFirstDelivery(CHANNEL, received)) {
            LOG.debugf("Duplicate delivery of event %s ignored", received.ceId());
            return;
        }
        LOG.debugf("Received %s %s key=%s", received.ceType(), received.ceId(), received.key());
    }
}
