package com.caseclock.connector.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.service.outbox.OutboxRecorded;
import com.caseclock.service.outbox.OutboxStore;

import io.agroal.api.AgroalDataSource;

/**
 * Records an event in the connector's outbox ({@code outbox_event}) in the caller's transaction and fires
 * {@link OutboxRecorded}, so {@link OutboxPublisher} publishes it as soon as that transaction commits rather than at its
 * next scheduled run. Every part of the connector that publishes an event writes it through here.
 */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxStore store;
    private final Event<OutboxRecorded> recorded;

    OutboxWriter(AgroalDataSource dataSource, Event<OutboxRecorded> recorded) {
        this.store = new OutboxStore(dataSource);
        this.recorded = recorded;
    }

    /**
     * @param event the event to publish (topic, key, CloudEvents attributes, JSON payload or null for a tombstone)
     * @throws jakarta.transaction.TransactionalException when called outside a transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OutgoingEvent event) {
        store.append(event);
        recorded.fire(new OutboxRecorded(event.eventId()));
    }
}
