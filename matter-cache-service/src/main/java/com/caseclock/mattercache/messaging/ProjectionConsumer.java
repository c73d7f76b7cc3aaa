package com.caseclock.mattercache.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.caseclock.events.EventCodec;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.mattercache.repository.ApplyOutcome;
import com.caseclock.mattercache.repository.InboxRepository;
import com.caseclock.mattercache.service.AppliedEvents;
import com.caseclock.mattercache.service.ConsumerPositions;

/**
 * The consuming side shared by the projections of the compacted topics: each record is read as a CloudEvent in
 * binary mode and its payload validated against its schema ({@link ReceivedEvent#read}); records are applied in
 * batches ({@link RecordBatcher}), one transaction per batch that records the events in the inbox first (so a
 * redelivery changes nothing) and then applies them in partition order: consecutive snapshots together
 * ({@link Projection#applySnapshots}), each tombstone on its own ({@link Projection#delete}). Freshness and metrics
 * are tallied per batch ({@link AppliedEvents}). A record that is not valid JSON, violates its schema, lacks its
 * CloudEvents headers, carries a type the topic does not carry or is a malformed tombstone is nacked, and the shared
 * failure strategy sends it to the dead-letter topic while the consumer goes on.
 */
public final class ProjectionConsumer implements BatchHandler {

    private final EventCodec codec = EventCodec.shared();
    private final String channel;
    private final Projection projection;
    private final InboxRepository inbox;
    private final AppliedEvents applied;
    private final RecordBatcher batcher;

    /**
     * @param channel    channel name, also the consumer's name in the inbox
     * @param projection what this topic's records do
     * @param inbox      the inbox
     * @param applied    freshness and metrics book-keeping
     * @param positions  where handled offsets are recorded (consumer lag)
     * @param maxBatch   most records per transaction
     */
    public ProjectionConsumer(String channel, Projection projection, InboxRepository inbox, AppliedEvents applied,
            ConsumerPositions positions, int maxBatch) {
        this.channel = channel;
        this.projection = projection;
        this.inbox = inbox;
        this.applied = applied;
        this.batcher = new RecordBatcher(channel, this, positions, maxBatch);
    }

    /**
     * Hands one record to the batcher.
     *
     * @param message the incoming Kafka message; value = JSON payload or {@code null} (tombstone)
     * @return completes when the next record may be delivered (back-pressure)
     */
    public CompletionStage<Void> submit(Message<String> message) {
        return batcher.submit(message);
    }

    /** Stops the batcher after its current batch (records not yet acked are redelivered after a restart). */
    public void stop() {
        batcher.stop();
    }

    /** {@inheritDoc} Snapshots the projection accepts and well-formed tombstones of this topic only. */
    @Override
    public ReceivedEvent read(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.read(record, codec);
        if (received.tombstone()) {
            projection.tombstoneKey(received, record);
        } else if (!projection.accepts(received.event())) {
            throw new InvalidEventException("unexpected ce_type " + received.ceType() + " on " + record.topic());
        }
        return received;
    }

    /** {@inheritDoc} */
    @Override
    public void apply(List<Delivered> batch) {
        projection.beforeBatch();
        boolean[] first = inbox.recordFirstDeliveries(channel, batch.stream().map(Delivered::event).toList());
        AppliedEvents.Tally tally = applied.tally();
        List<Delivered> run = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Delivered d = batch.get(i);
            ConsumerRecord<String, String> record = d.record();
            if (!first[i]) {
                tally.duplicate(record.topic());
            } else if (d.event().tombstone()) {
                flush(run, tally);
                TombstoneKey key = projection.tombstoneKey(d.event(), record);
                projection.delete(key);
                tally.handled(key.firmId(), record.topic(), record.partition(), key.deletedAt(), null);
            } else {
                run.add(d);
            }
        }
        flush(run, tally);
        applied.record(tally);
    }

    private void flush(List<Delivered> run, AppliedEvents.Tally tally) {
        if (!run.isEmpty()) {
            projection.applySnapshots(List.copyOf(run), tally);
            run.clear();
        }
    }

    /**
     * Reports one applied (or stale) snapshot to the batch's tally.
     *
     * @param tally   the batch's tally
     * @param d       the snapshot's record
     * @param outcome what applying it did
     */
    public static void handled(AppliedEvents.Tally tally, Delivered d, ApplyOutcome outcome) {
        tally.handled(d.event().event().firmId(), d.record().topic(), d.record().partition(),
                d.event().event().occurredAt(), outcome);
    }
}
