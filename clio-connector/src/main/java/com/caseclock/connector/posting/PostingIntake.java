package com.caseclock.connector.posting;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.caseclock.events.EventCodec;
import com.caseclock.events.TimeEntryApprovalEvent;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.events.TimeEntryVoidedV1;
import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.connector.outbox.OutboxWriter;


/**
 * Turns an approval event into posting work, inside the consumer's transaction (so the Kafka offset is committed only
 * once the job is durably recorded). One job per time entry: a newer revision replaces the job's event (a void
 * supersedes an approval), an older one is ignored, and a redelivery or replay of the job's own revision either
 * re-publishes the result (job done), re-queues the job with a fresh retry budget (failed or parked), or changes
 * nothing (still pending).
 */
@ApplicationScoped
public class PostingIntake {

    private static final Logger LOG = Logger.getLogger(PostingIntake.class);

    private final PostingStore store;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final Event<PostingQueued> queued;

    PostingIntake(PostingStore store, OutboxWriter outbox, Clock clock, Event<PostingQueued> queued) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.queued = queued;
    }

    /**
     * @param received      the decoded approval, update or void event
     * @param firstDelivery whether the inbox saw this event id for the first time
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(ReceivedEvent received, boolean firstDelivery) {
        if (!(received.event() instanceof TimeEntryApprovalEvent event)) {
            throw new IllegalArgumentException("Not an approval event: " + received.ceType());
        }
        PostingStore.Kind kind = event instanceof TimeEntryVoidedV1 ? PostingStore.Kind.VOID
                : PostingStore.Kind.UPSERT;
        String payload = EventCodec.shared().encodeDecoded(event); // validated on receipt
        UUID id = event.timeEntryId();
        PostingStore.Job job = store.lockJob(id);
        if (job == null) {
            store.insertJob(id, event.firmId(), event.userId(), kind, event.revision(), event.eventId(),
                    received.ceType(), received.ceSource(), received.topic(), received.key(), payload);
            queued.fire(new PostingQueued(event.firmId()));
            return;
        }
        if (!job.firmId().equals(event.firmId()) || !job.userId().equals(event.userId())) {
            // An entry never changes firm or owner: such an event is corrupt, and posting it with the first
            // event's connection would put one firm's (or user's) time into another's Clio. Dead-letter it.
            throw new com.caseclock.events.InvalidEventException("Entry " + id + " belongs to firm " + job.firmId()
                    + " user " + job.userId() + ", but event " + event.eventId() + " names firm " + event.firmId()
                    + " user " + event.userId());
        }
        if (event.revision() > job.revision()) {
            store.supersede(id, kind, event.revision(), event.eventId(), received.ceType(), received.ceSource(),
                    received.topic(), received.key(), payload);
            queued.fire(new PostingQueued(event.firmId()));
            return;
        }
        if (event.revision() < job.revision()) {
            LOG.debugf("Entry %s: event %s of revision %d is older than revision %d; ignored", id, event.eventId(),
                    event.revision(), job.revision());
            return;
        }
        switch (job.state()) {
            case DONE -> republish(job, event);
            case FAILED, WAITING_FOR_CONNECTION -> {
                LOG.infof("Entry %s: event %s delivered again (%s); retrying the job", id, event.eventId(),
                        firstDelivery ? "replay" : "redelivery");
                store.requeue(id, event.eventId(), event.revision());
                queued.fire(new PostingQueued(event.firmId()));
            }
            case PENDING -> store.addSource(id, event.eventId(), event.revision());
        }
    }

    /** The entry is already in Clio as this revision: answer again, nothing sent to Clio. */
    private void republish(PostingStore.Job job, TimeEntryApprovalEvent event) {
        if (job.lastResult() == null) {
            return;
        }
        TimeEntrySyncResultV1 last = EventCodec.shared().decode(job.lastResult(), TimeEntrySyncResultV1.class);
        TimeEntrySyncResultV1 again = new TimeEntrySyncResultV1(UUID.randomUUID(), last.firmId(), clock.instant(),
                TimeEntrySyncResultV1.SCHEMA_VERSION, last.timeEntryId(), last.userId(), event.eventId(),
                event.revision(), last.outcome(), last.clioActivityId(), last.clioQuantitySeconds(), last.clioPrice(),
                last.clioTotal(), last.billed(), last.expectedRate(), last.rateMismatch(), last.failure());
        outbox.append(OutgoingEvent.of(again, EventCodec.shared()));
    }
}
