package com.caseclock.connector.sync;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.connector.outbox.OutboxWriter;
import com.caseclock.connector.config.ConnectorConfig;
import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.kafka.OutgoingEvent;
import com.fasterxml.jackson.databind.JsonNode;


/**
 * Records snapshots and tombstones of Clio records in the outbox, in the caller's transaction, once per version: a
 * record whose version was already published is skipped, a deleted record's tombstone is published once.
 */
@ApplicationScoped
public class Snapshots {

    private final SyncStore store;
    private final OutboxWriter outbox;
    private final ConnectorConfig config;
    private final Clock clock;

    Snapshots(SyncStore store, OutboxWriter outbox, ConnectorConfig config, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param record one Clio record as listed or shown
     * @return {@code true} if it was new or changed and its snapshot is now in the outbox
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(String firmId, SyncedResource resource, JsonNode record) {
        long clioId = record.path("id").asLong();
        if (!store.recordVersion(firmId, resource.resourceName(), clioId, resource.version(record),
                ClioRecords.updatedAt(record))) {
            return false;
        }
        DomainEvent event = resource.snapshot(firmId, record, config.sync().defaultCurrency(), clock.instant());
        if (event != null) {
            outbox.append(OutgoingEvent.of(event, EventCodec.shared()));
        }
        return event != null;
    }

    /** Publishes a record's snapshot whether or not this version was published before (records it as published). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void republish(String firmId, SyncedResource resource, JsonNode record) {
        store.recordVersion(firmId, resource.resourceName(), record.path("id").asLong(), resource.version(record),
                ClioRecords.updatedAt(record));
        DomainEvent event = resource.snapshot(firmId, record, config.sync().defaultCurrency(), clock.instant());
        if (event != null) {
            outbox.append(OutgoingEvent.of(event, EventCodec.shared()));
        }
    }

    /** Publishes the answer to an on-demand lookup: FOUND with the matching matter ids, or NOT_FOUND. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lookupAnswered(String firmId, SyncStore.Lookup lookup, java.util.List<Long> matterIds) {
        outbox.append(OutgoingEvent.of(new com.caseclock.events.MatterLookupAnsweredV1(UUID.randomUUID(), firmId,
                clock.instant(), com.caseclock.events.MatterLookupAnsweredV1.SCHEMA_VERSION, lookup.lookupId(),
                lookup.query(), matterIds.isEmpty() ? com.caseclock.events.LookupOutcome.NOT_FOUND
                        : com.caseclock.events.LookupOutcome.FOUND, matterIds,
                matterIds.isEmpty() ? "No matter in Clio matches '" + lookup.query() + "'" : null),
                EventCodec.shared()));
    }

    /**
     * Publishes the tombstone of a record deleted in Clio (a null value under its key on the compacted topic).
     *
     * @return {@code true} if the record was known and its tombstone is now in the outbox
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean deleted(String firmId, SyncedResource resource, long clioId) {
        if (!store.forget(firmId, resource.resourceName(), clioId)) {
            return false;
        }
        Instant now = clock.instant();
        String ceType = resource.topic().tombstoneCeType().orElseThrow();
        outbox.append(new OutgoingEvent(resource.topic().topicName(), resource.key(firmId, clioId), UUID.randomUUID(),
                ceType, Long.toString(clioId), now, null));
        return true;
    }
}
