package com.caseclock.connector.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.caseclock.connector.posting.PostingIntake;
import com.caseclock.connector.repository.InboxRepository;
import com.caseclock.service.messaging.DeadLetterHeaders;
import com.caseclock.events.EventCodec;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.kafka.ReceivedEvent;

/**
 * Consumes topic {@code timeentry.time-entry.approval.v1} (approved, updated and voided time entries from
 * timeentry-service) in the service's consumer group; records are keyed by time entry id, so one entry's events
 * arrive in order.
 *
 * <p>Each record is read as a CloudEvent in binary mode and its JSON payload validated against its schema
 * ({@link ReceivedEvent#read}); the event is recorded in the inbox and turned into a posting job
 * ({@link PostingIntake}) in one transaction, and only then is the offset committed. Clio is never called here: the
 * posting scheduler does that, so Clio's latency, 429s and outages never hold the consumer past its poll limits.
 * A redelivered or replayed event is not simply dropped by the inbox: the posting job decides (re-publish the result,
 * retry a failed job, or nothing), since the job, not the inbox, guards Clio against duplicates. A support replay
 * ({@code caseclock-replay-of} header) keeps the original event id and takes the same path. A record that is not
 * valid JSON, violates its schema or lacks its CloudEvents headers throws, the transaction rolls back, and the shared
 * failure strategy sends the record to {@code clio-connector.dead-letter.v1} while the consumer goes on.
 */
@ApplicationScoped
public class ApprovalConsumer {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "approvals-in";

    private static final Logger LOG = Logger.getLogger(ApprovalConsumer.class);

    private final EventCodec codec = EventCodec.shared();
    private final InboxRepository inbox;
    private final PostingIntake intake;

    ApprovalConsumer(InboxRepository inbox, PostingIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    /**
     * Handles one record; runs on a worker thread inside a transaction, in partition order.
     *
     * @param record key = time entry id, value = JSON payload
     * @throws com.caseclock.events.InvalidEventException for a poison record (routed to the dead-letter topic)
     */
    @Incoming(CHANNEL)
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.read(record, codec);
        if (received.tombstone()) {
            throw new InvalidEventException("unexpected null value on " + record.topic());
        }
        boolean first = inbox.recordFirstDelivery(CHANNEL, received);
        org.apache.kafka.common.header.Header replayOf = record.headers().lastHeader(DeadLetterHeaders.REPLAY_OF);
        if (replayOf != null) {
            // a support replay keeps the event id, so the inbox knows it; the posting job decides what to do
            LOG.infof("Event %s replayed by support (failed event %s)", received.ceId(),
                    new String(replayOf.value(), java.nio.charset.StandardCharsets.UTF_8));
        } else if (!first) {
            LOG.debugf("Event %s delivered again", received.ceId());
        }
        intake.accept(received, first);
        LOG.debugf("Received %s %s key=%s", received.ceType(), received.ceId(), received.key());
    }
}
