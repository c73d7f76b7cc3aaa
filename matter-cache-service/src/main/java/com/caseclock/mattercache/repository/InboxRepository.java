package com.caseclock.mattercache.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

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

    private static final String INSERT = "INSERT INTO processed_event "
            + "(consumer, event_id, ce_type, topic, kafka_partition, kafka_offset) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (consumer, event_id) DO NOTHING";

    private final Inbox inbox;
    private final AgroalDataSource dataSource;

    InboxRepository(AgroalDataSource dataSource) {
        this.inbox = new Inbox(dataSource);
        this.dataSource = dataSource;
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

    /**
     * The batch form of {@link #recordFirstDelivery}: one round trip for many events, in order, so an event that
     * occurs twice in the batch counts as a first delivery only once.
     *
     * @param consumer the consuming handler's name (its channel)
     * @param received the events, in delivery order
     * @return per event, {@code true} on its first delivery
     * @throws IllegalStateException if the database refuses the inserts
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] recordFirstDeliveries(String consumer, List<ReceivedEvent> received) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            for (ReceivedEvent r : received) {
                s.setString(1, consumer);
                s.setObject(2, r.ceId());
                s.setString(3, r.ceType());
                s.setString(4, r.topic());
                s.setInt(5, r.partition());
                s.setLong(6, r.offset());
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            boolean[] first = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                first[i] = counts[i] == 1;
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + received.size() + " events in the inbox", e);
        }
    }
}
