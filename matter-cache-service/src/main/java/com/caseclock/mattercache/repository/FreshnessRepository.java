package com.caseclock.mattercache.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code firm_freshness} table: per firm, topic and partition, when the last event was applied. Written in the
 * consumer's transaction, so it never claims an event that rolled back.
 */
@ApplicationScoped
public class FreshnessRepository {

    /**
     * Freshness of one firm on one topic.
     *
     * @param topic         topic name
     * @param lastEventTime newest event time ({@code ce_time}) applied
     * @param lastAppliedAt when this service last applied an event of the firm from the topic
     * @param eventsApplied events applied (including stale ones, excluding duplicates) since the last rebuild
     */
    public record TopicFreshness(String topic, Instant lastEventTime, Instant lastAppliedAt, long eventsApplied) {
    }

    private static final String UPSERT = """
            INSERT INTO firm_freshness (firm_id, topic, kafka_partition, last_event_time, last_applied_at,
                events_applied)
            VALUES (?, ?, ?, ?, now(), ?)
            ON CONFLICT (firm_id, topic, kafka_partition) DO UPDATE SET
                last_event_time = GREATEST(firm_freshness.last_event_time, excluded.last_event_time),
                last_applied_at = excluded.last_applied_at,
                events_applied = firm_freshness.events_applied + excluded.events_applied
            """;

    private final AgroalDataSource dataSource;

    FreshnessRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param firmId    tenant id
     * @param topic     topic name
     * @param partition Kafka partition
     * @param eventTime the newest event time among them
     * @param events    how many events of the firm were handled
     */
    public void recordApplied(String firmId, String topic, int partition, Instant eventTime, long events) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, firmId);
            s.setString(2, topic);
            s.setInt(3, partition);
            Sql.setInstant(s, 4, eventTime);
            s.setLong(5, events);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("Recording freshness of " + firmId, e);
        }
    }

    /**
     * @param firmId tenant id
     * @return one row per topic the firm has events on
     */
    public List<TopicFreshness> forFirm(String firmId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT topic, max(last_event_time) AS last_event_time, max(last_applied_at) AS last_applied_at,
                    sum(events_applied) AS events_applied
                FROM firm_freshness WHERE firm_id = ? GROUP BY topic ORDER BY topic""")) {
            s.setString(1, firmId);
            List<TopicFreshness> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new TopicFreshness(rs.getString("topic"), Sql.getInstant(rs, "last_event_time"),
                            Sql.getInstant(rs, "last_applied_at"), rs.getLong("events_applied")));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw Sql.failure("Reading freshness of " + firmId, e);
        }
    }
}
