package com.caseclock.mattercache.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.events.inbox.Inbox;
import com.caseclock.events.kafka.ReceivedEvent;

import io.agroal.api.AgroalDataSource;

/**
 * The service's inbox ({@code processed_event} table): which events each consumer has already handled. See
 * {@link Inbox} for the insert-first rule.
 */
@ApplicationScoped
public class InboxRepository {

    private final Inbox inbox;

    InboxRepository(AgroalDataSource dataSource) {
        this.inbox = new Inbox(dataSource);
    }

    /**
     * Must run inside the consumer's transaction, so the row commits or rolls back with the side effects.
     *
     * @param consumer the consuming handler's name (its channel)
     * @param received the event read from Kafka
     * @return {@code true} on the first delivery, {@code false} for a duplicate
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(String consumer, ReceivedEvent received) {
        return inbox.recordFirstDelivery(consumer, received);
    }
}
