package com.caseclock.connector.messaging;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.caseclock.connector.outbox.OutboxWriter;
import com.caseclock.connector.repository.InboxRepository;
import com.caseclock.connector.sync.SyncStore;
import com.caseclock.events.EventCodec;
import com.caseclock.events.LookupOutcome;
import com.caseclock.events.MatterLookupAnsweredV1;
import com.caseclock.events.MatterLookupRequestedV1;
import com.caseclock.events.ResyncFirmRequestedV1;
import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.events.kafka.ReceivedEvent;


/**
 * Consumes connector commands (topic {@code connector.command.v1}, keyed by firm): "re-sync this firm now" forces a
 * full listing that republishes every record and tombstones what Clio no longer has (matters: open and pending ones,
 * plus, when the command includes closed matters, the closed ones of {@code connector.sync.closed-matters}); "look
 * up this matter" queues a search that the firm's sync worker runs within seconds (it answers FOUND or NOT_FOUND on
 * {@code connector.matter-lookup.result.v1}). A command for a firm that is not connected is answered at once: a
 * lookup with FAILED, a re-sync is logged and dropped. Poison records go to the dead-letter topic.
 */
@ApplicationScoped
public class CommandConsumer {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "commands-in";

    private static final Logger LOG = Logger.getLogger(CommandConsumer.class);

    private final InboxRepository inbox;
    private final SyncStore sync;
    private final OutboxWriter outbox;
    private final Clock clock;

    CommandConsumer(InboxRepository inbox, SyncStore sync, OutboxWriter outbox, Clock clock) {
        this.inbox = inbox;
        this.sync = sync;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Handles one command, in a transaction, in partition order.
     *
     * @throws com.caseclock.events.InvalidEventException for a poison record (routed to the dead-letter topic)
     */
    @Incoming(CHANNEL)
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.read(record, EventCodec.shared());
        if (received.tombstone() || !inbox.recordFirstDelivery(CHANNEL, received)) {
            return;
        }
        if (received.event() instanceof ResyncFirmRequestedV1 resync) {
            if (!sync.isSynced(resync.firmId())) {
                LOG.warnf("Re-sync requested by %s for firm %s, which is not connected to Clio", resync.requestedBy(),
                        resync.firmId());
                return;
            }
            sync.forceResync(resync.firmId(), resync.includeClosedMatters());
            LOG.infof("Full re-sync of firm %s (%s) requested by %s", resync.firmId(),
                    resync.includeClosedMatters() ? "closed matters included" : "open and pending matters",
                    resync.requestedBy());
        } else if (received.event() instanceof MatterLookupRequestedV1 lookup) {
            if (!sync.isSynced(lookup.firmId())) {
                outbox.append(OutgoingEvent.of(new MatterLookupAnsweredV1(UUID.randomUUID(), lookup.firmId(),
                        clock.instant(), MatterLookupAnsweredV1.SCHEMA_VERSION, lookup.lookupId(), lookup.query(),
                        LookupOutcome.FAILED, List.of(), "The firm is not connected to Clio"), EventCodec.shared()));
                return;
            }
            sync.addLookup(lookup.lookupId(), lookup.firmId(), lookup.query(), lookup.requestedBy());
        }
    }
}
