package com.caseclock.mattercache.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

    private static final String INSERT_ALL = "INSERT INTO processed_event "
            + "(consumer, event_id, ce_type, topic, kafka_partition, kafka_offset) "
            + "SELECT ?, e.event_id, e.ce_type, e.topic, e.kafka_partition, e.kafka_offset "
            + "FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::bigint[]) "
            + "AS e(event_id, ce_type, topic, kafka_partition, kafka_offset) "
            + "ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id";

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
     * The batch form of {@link #recordFirstDelivery}: one statement for many events (arrays unnested into rows), in
     * order, so an event that occurs twice in the batch counts as a first delivery only once (its first occurrence).
     *
     * @param consumer the consuming handler's name (its channel)
     * @param received the events, in delivery order
     * @return per event, {@code true} on its first delivery
     * @throws IllegalStateException if the database refuses the inserts
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] recordFirstDeliveries(String consumer, List<ReceivedEvent> received) {
        int n = received.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] topics = new String[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        for (int i = 0; i < n; i++) {
            ReceivedEvent r = received.get(i);
            ids[i] = r.ceId().toString();
            types[i] = r.ceType();
            topics[i] = r.topic();
            partitions[i] = r.partition();
            offsets[i] = r.offset();
        }
        Set<UUID> inserted = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT_ALL)) {
            s.setString(1, consumer);
            s.setArray(2, c.createArrayOf("text", ids));
            s.setArray(3, c.createArrayOf("text", types));
            s.setArray(4, c.createArrayOf("text", topics));
            s.setArray(5, c.createArrayOf("int4", partitions));
            s.setArray(6, c.createArrayOf("int8", offsets));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record " + n + " events in the inbox", e);
        }
        boolean[] first = new boolean[n];
        for (int i = 0; i < n; i++) {
            // remove: a second occurrence of the same event in this batch is a duplicate
            first[i] = inserted.remove(received.get(i).ceId());
        }
        return first;
    }
}
