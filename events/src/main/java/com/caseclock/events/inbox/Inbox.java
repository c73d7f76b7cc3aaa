package com.caseclock.events.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import com.caseclock.events.kafka.ReceivedEvent;

/**
 * The consumers' de-duplication ledger (the "inbox"): one row per consumer and event id in the service's own
 * {@code processed_event} table (created by each service's Flyway migration).
 *
 * <p>Insert first: a consumer calls {@link #recordFirstDelivery} inside the same database transaction as its side
 * effects. The primary key makes the check race-free; a duplicate delivery (Kafka redelivery, a replay) finds the row
 * and the consumer does nothing. If the side effects roll back, so does the row, and the redelivery is handled afresh.
 *
 * <p>Thread-safe; connections come from the given data source, so inside a JTA transaction they join it.
 */
public final class Inbox {

    private static final String INSERT = "INSERT INTO processed_event "
            + "(consumer, event_id, ce_type, topic, kafka_partition, kafka_offset) VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (consumer, event_id) DO NOTHING";

    private final DataSource dataSource;

    /** @param dataSource the service's data source (transaction-aware in Quarkus) */
    public Inbox(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Records that a consumer handles an event.
     *
     * @param consumer name of the consuming handler (e.g. its channel name)
     * @param received the event as read from Kafka; its {@code ce_id} is the key
     * @return {@code true} on the first delivery of this event to this consumer, {@code false} for a duplicate
     * @throws IllegalStateException if the database refuses the insert
     */
    public boolean recordFirstDelivery(String consumer, ReceivedEvent received) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, consumer);
            insert.setObject(2, received.ceId());
            insert.setString(3, received.ceType());
            insert.setString(4, received.topic());
            insert.setInt(5, received.partition());
            insert.setLong(6, received.offset());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + received.ceId() + " in the inbox", e);
        }
    }
}
