package com.caseclock.timeentry.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.caseclock.events.EventCodec;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.timeentry.repository.InboxRepository;
import com.caseclock.timeentry.service.SyncResultService;

/**
 * Consumes topic {@code connector.time-entry.sync-result.v1} (time-entry sync results from clio-connector) in the service's consumer group.
 *
 * <p>Each record is read as a CloudEvent in binary mode and its JSON payload validated against its schema
 * ({@link ReceivedEvent#read}); the event is recorded in the inbox in the same transaction as its effects, so a
 * redelivery changes nothing. A record that is not valid JSON, violates its schema or lacks its CloudEvents headers
 * throws, the transaction rolls back, and the shared failure strategy sends the record to
 * {@code timeentry-service.dead-letter.v1} while the consumer goes on with the next record. A valid result for an
 * entry unknown here is recorded in the inbox and ignored. Results are applied by {@link SyncResultService}, which
 * never moves an entry backwards.
 */
@ApplicationScoped
public class SyncResultConsumer {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "sync-results-in";

    private static final Logger LOG = Logger.getLogger(SyncResultConsumer.class);

    private final EventCodec codec = EventCodec.shared();
    private final InboxRepository inbox;
    private final SyncResultService results;

    SyncResultConsumer(InboxRepository inbox, SyncResultService results) {
        this.inbox = inbox;
        this.results = results;
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
        if (!(received.event() instanceof TimeEntrySyncResultV1 result)) {
            throw new InvalidEventException("Unexpected event type " + received.ceType() + " on " + received.topic());
        }
        boolean changed = results.apply(result);
        LOG.debugf("Sync result %s for entry %s (%s, revision %d): %s", received.ceId(), result.timeEntryId(),
                result.outcome(), result.revision(), changed ? "applied" : "not applied");
    }
}
