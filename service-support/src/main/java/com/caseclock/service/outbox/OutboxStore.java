package com.caseclock.service.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import com.caseclock.events.kafka.OutgoingEvent;

/**
 * The transactional outbox table ({@code outbox_event}, created by each publishing service's Flyway migration; see
 * {@code V*__outbox.sql}): an event is recorded in the same database transaction as the state change it announces,
 * and {@link OutboxRelay} publishes it afterwards. So nothing is published that was not recorded, and nothing recorded
 * is lost if Kafka is down or the process dies.
 *
 * <p>All methods use connections from the given data source, so inside a JTA transaction they join it.
 */
public final class OutboxStore {

    /** Arbitrary constant key of the PostgreSQL advisory lock that lets one relay at a time publish. */
    static final long RELAY_LOCK_KEY = 0x0C10C0_0DB0BL;

    private final DataSource dataSource;

    /** @param dataSource the service's (transaction-aware) data source */
    public OutboxStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Records an event to publish; call it inside the transaction of the state change.
     *
     * @param event the event (a {@code null} payload is a tombstone)
     * @throws IllegalStateException if the database refuses the row (for example a duplicate event id)
     */
    public void append(OutgoingEvent event) {
        String sql = "INSERT INTO outbox_event (event_id, topic, kafka_key, ce_type, subject, occurred_at, payload) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, event.eventId());
            s.setString(2, event.topic());
            s.setString(3, event.key());
            s.setString(4, event.ceType());
            s.setString(5, event.subject());
            s.setTimestamp(6, Timestamp.from(event.occurredAt()));
            s.setString(7, event.payloadJson());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record event " + event.eventId() + " in the outbox", e);
        }
    }

    /**
     * Takes the transaction-scoped advisory lock that serialises relays across instances, so rows are published in
     * their recording order. Must run inside a transaction; the lock is released when it ends.
     *
     * @return {@code true} if this transaction now holds the lock, {@code false} if another relay does
     */
    boolean tryRelayLock() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, RELAY_LOCK_KEY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the outbox relay lock", e);
        }
    }

    /**
     * @param limit the most rows to return
     * @return the oldest unpublished rows, in recording order
     */
    List<OutboxRow> unsent(int limit) {
        String sql = "SELECT id, event_id, topic, kafka_key, ce_type, subject, occurred_at, payload, attempts "
                + "FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            List<OutboxRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), new OutgoingEvent(rs.getString(3), rs.getString(4),
                            rs.getObject(2, UUID.class), rs.getString(5), rs.getString(6),
                            rs.getTimestamp(7).toInstant(), rs.getString(8)), rs.getInt(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox", e);
        }
    }

    /** Marks rows published at the given instant. */
    void markSent(List<Long> ids, Instant sentAt) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE outbox_event SET sent_at = ? WHERE id = ANY (?)")) {
            s.setTimestamp(1, Timestamp.from(sentAt));
            s.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark outbox rows sent", e);
        }
    }

    /** Records a failed publication attempt of one row (it stays unsent and is tried again). */
    void markFailed(long id, String error) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            s.setString(1, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
            s.setLong(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record an outbox failure", e);
        }
    }

    /**
     * Deletes published rows older than a cut-off (housekeeping).
     *
     * @param sentBefore rows sent before this instant are deleted
     * @return how many rows were deleted
     */
    public int deleteSentBefore(Instant sentBefore) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM outbox_event WHERE sent_at < ?")) {
            s.setTimestamp(1, Timestamp.from(sentBefore));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete old outbox rows", e);
        }
    }

    /**
     * @return how many rows wait to be published, and the recording time of the oldest (null when none), for health
     *         checks and metrics
     */
    public Backlog backlog() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*), min(created_at) FROM outbox_event WHERE sent_at IS NULL");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox backlog", e);
        }
    }

    /**
     * The unpublished part of the outbox.
     *
     * @param unsent     number of rows waiting
     * @param oldestSince when the oldest waiting row was recorded, or {@code null}
     */
    public record Backlog(long unsent, Instant oldestSince) {
    }

    /** One unpublished row: its position, the event, and how many attempts failed so far. */
    record OutboxRow(long id, OutgoingEvent event, int attempts) {
    }
}
