package com.caseclock.mattercache.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.caseclock.events.DomainEvent;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.mattercache.service.AppliedEvents;

/**
 * What differs between the projections of the compacted topics (matters, clients, rates); the rest (batches, inbox,
 * order, tombstones, tallies) is {@link ProjectionConsumer}.
 */
public interface Projection {

    /**
     * @param event a decoded snapshot
     * @return whether this topic may carry it (otherwise the record is dead-lettered)
     */
    boolean accepts(DomainEvent event);

    /**
     * Reads what a tombstone deletes.
     *
     * @param tombstone the tombstone read from the topic
     * @param record    the raw record
     * @return firm, kind, Clio id and deletion time
     * @throws InvalidEventException when the key or type is not a tombstone of this topic (dead-lettered)
     */
    TombstoneKey tombstoneKey(ReceivedEvent tombstone, ConsumerRecord<String, String> record);

    /** Runs first in each batch's transaction (for example to take a lock). */
    default void beforeBatch() {
    }

    /**
     * Deletes a record and leaves its deletion marker, in the batch's transaction.
     *
     * @param key what the tombstone deletes
     */
    void delete(TombstoneKey key);

    /**
     * Applies consecutive snapshots (first deliveries, in partition order) in the batch's transaction, and reports each
     * with {@link ProjectionConsumer#handled}.
     *
     * @param run   the snapshots, not empty
     * @param tally the batch's tally
     */
    void applySnapshots(List<Delivered> run, AppliedEvents.Tally tally);
}
