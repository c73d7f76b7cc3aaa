package com.caseclock.connector.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.events.EventJson;
import com.caseclock.service.jdbc.Sql;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.agroal.api.AgroalDataSource;

/**
 * The failed-event index ({@code failed_event}, {@code failed_event_history}; see {@code V22__failed_events.sql}).
 * Plain SQL; every method joins the caller's transaction when there is one.
 */
@ApplicationScoped
public class FailedEventStore {

    private static final String WHAT = "Failed-event index";
    private static final String SUMMARY_COLUMNS = "f.id, f.state, f.service, f.firm_id, f.user_id, f.time_entry_id, "
            + "f.matter_id, f.reason_code, f.reason_text, f.clio_status, f.attempts, f.first_failure_at, "
            + "f.last_failure_at, f.failure_count, f.source_topic, f.ce_id, f.ce_type, j.state";
    private static final String FROM = " FROM failed_event f LEFT JOIN posting_job j "
            + "ON j.time_entry_id = f.time_entry_id AND j.firm_id = f.firm_id";

    private final AgroalDataSource dataSource;

    FailedEventStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What one dead-letter record says, ready to index.
     *
     * @param dedupKey see {@code failed_event.dedup_key}
     */
    public record Indexed(String dedupKey, String service, String sourceTopic, Integer sourcePartition,
            Long sourceOffset, String recordKey, String ceId, String ceType, String firmId, String userId,
            UUID timeEntryId, Long matterId, String reasonCode, String reasonText, String errorClass,
            String errorMessage, Integer clioStatus, String clioBody, int attempts, Instant firstFailureAt,
            Instant lastFailureAt, Map<String, String> originalHeaders, String originalValue) {
    }

    /** A failed event's original record, for a replay. */
    public record Original(UUID id, String firmId, FailedEvent.State state, String topic, String key, String value,
            Map<String, String> headers) {
    }

    /** @return whether the dead-letter record at this position was indexed already */
    public boolean indexed(int deadLetterPartition, long deadLetterOffset) {
        return !query("SELECT 1 FROM failed_event_history WHERE dl_partition = ? AND dl_offset = ?",
                rs -> Boolean.TRUE, deadLetterPartition, deadLetterOffset).isEmpty();
    }

    /**
     * Inserts the failed event, or (same dedup key: the same event failed again) records the new failure on it and
     * makes it OPEN again.
     *
     * @return the failed event's id
     */
    public UUID upsert(Indexed e) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(e.originalHeaders());
        } catch (java.io.IOException ex) {
            throw new IllegalStateException(WHAT + ": headers not writable", ex);
        }
        return query("INSERT INTO failed_event (id, dedup_key, state, service, source_topic, source_partition, "
                + "source_offset, record_key, ce_id, ce_type, firm_id, user_id, time_entry_id, matter_id, reason_code, "
                + "reason_text, error_class, error_message, clio_status, clio_body, attempts, first_failure_at, "
                + "last_failure_at, original_headers, original_value) VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (dedup_key) DO UPDATE SET state = 'OPEN', "
                + "reason_code = EXCLUDED.reason_code, reason_text = EXCLUDED.reason_text, "
                + "error_class = EXCLUDED.error_class, error_message = EXCLUDED.error_message, "
                + "clio_status = EXCLUDED.clio_status, clio_body = EXCLUDED.clio_body, attempts = EXCLUDED.attempts, "
                + "first_failure_at = LEAST(failed_event.first_failure_at, EXCLUDED.first_failure_at), "
                + "last_failure_at = GREATEST(failed_event.last_failure_at, EXCLUDED.last_failure_at), "
                + "failure_count = failed_event.failure_count + 1, "
                + "firm_id = COALESCE(failed_event.firm_id, EXCLUDED.firm_id), "
                + "user_id = COALESCE(failed_event.user_id, EXCLUDED.user_id), "
                + "time_entry_id = COALESCE(failed_event.time_entry_id, EXCLUDED.time_entry_id), "
                + "matter_id = COALESCE(EXCLUDED.matter_id, failed_event.matter_id), updated_at = now() RETURNING id",
                rs -> rs.getObject(1, UUID.class), UUID.randomUUID(), e.dedupKey(), e.service(), e.sourceTopic(),
                e.sourcePartition(), e.sourceOffset(), e.recordKey(), e.ceId(), e.ceType(), e.firmId(), e.userId(),
                e.timeEntryId(), e.matterId(), e.reasonCode(), e.reasonText(), e.errorClass(), e.errorMessage(),
                e.clioStatus(), e.clioBody(), e.attempts(), ts(e.firstFailureAt()), ts(e.lastFailureAt()), json,
                e.originalValue()).get(0);
    }

    /** Appends a history row. */
    public void history(UUID failedEventId, String action, Instant at, String actor, String actorFirmId,
            String detail, Integer deadLetterPartition, Long deadLetterOffset) {
        Sql.update(dataSource, WHAT, "INSERT INTO failed_event_history (failed_event_id, action, at, actor, "
                + "actor_firm_id, detail, dl_partition, dl_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", failedEventId,
                action, ts(at), actor, actorFirmId, detail, deadLetterPartition, deadLetterOffset);
    }

    /** Removes a history row added for a replay whose publication failed. */
    public void dropLastReplay(UUID failedEventId, String actor) {
        Sql.update(dataSource, WHAT, "DELETE FROM failed_event_history WHERE id = (SELECT max(id) FROM "
                + "failed_event_history WHERE failed_event_id = ? AND action = 'REPLAYED' AND actor = ?)",
                failedEventId, actor);
    }

    /** Sets the state. */
    public void state(UUID failedEventId, FailedEvent.State state) {
        Sql.update(dataSource, WHAT, "UPDATE failed_event SET state = ?, updated_at = now() WHERE id = ?",
                state.name(), failedEventId);
    }

    /**
     * Sets the state only if it still is {@code expected} (a compare-and-set, so a concurrent change such as a
     * resolution is not overwritten).
     *
     * @return whether the state was changed
     */
    public boolean state(UUID failedEventId, FailedEvent.State expected, FailedEvent.State state) {
        return Sql.update(dataSource, WHAT, "UPDATE failed_event SET state = ?, updated_at = now() WHERE id = ? "
                + "AND state = ?", state.name(), failedEventId, expected.name()) > 0;
    }

    /** @return one page of matches, newest failure first */
    public FailedEvent.Page search(FailedEvent.Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        long total = query("SELECT count(*)" + FROM + where, rs -> rs.getLong(1), args.toArray()).get(0);
        args.add(size);
        args.add((long) page * size);
        List<FailedEvent.Summary> items = query("SELECT " + SUMMARY_COLUMNS + FROM + where
                + " ORDER BY f.last_failure_at DESC, f.id LIMIT ? OFFSET ?", FailedEventStore::summary,
                args.toArray());
        return new FailedEvent.Page(items, page, size, total);
    }

    /** @return the ids of up to {@code limit} matches, oldest failure first */
    public List<UUID> ids(FailedEvent.Filter filter, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(limit);
        return query("SELECT f.id" + FROM + where + " ORDER BY f.last_failure_at, f.id LIMIT ?",
                rs -> rs.getObject(1, UUID.class), args.toArray());
    }

    /** @return the firm of a failed event (empty string when unknown), or empty when there is no such event */
    public Optional<String> firmOf(UUID id) {
        return query("SELECT COALESCE(firm_id, '') FROM failed_event WHERE id = ?", rs -> rs.getString(1), id)
                .stream().findFirst();
    }

    /** @return the failed event with its history, or empty */
    public Optional<FailedEvent.Detail> detail(UUID id) {
        List<FailedEvent.Detail> found = query("SELECT " + SUMMARY_COLUMNS + ", f.error_class, f.error_message, "
                + "f.clio_body, f.record_key, f.source_partition, f.source_offset, f.original_headers::text, "
                + "f.original_value" + FROM + " WHERE f.id = ?", rs -> new FailedEvent.Detail(summary(rs),
                        rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22),
                        (Integer) rs.getObject(23), (Long) rs.getObject(24), headers(rs.getString(25)),
                        event(rs.getString(26)), List.of()), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FailedEvent.Detail d = found.get(0);
        return Optional.of(new FailedEvent.Detail(d.summary(), d.errorClass(), d.errorMessage(), d.clioBody(),
                d.recordKey(), d.sourcePartition(), d.sourceOffset(), d.originalHeaders(), d.originalEvent(),
                history(id)));
    }

    /** @return the history of a failed event, oldest first */
    public List<FailedEvent.HistoryItem> history(UUID id) {
        return query("SELECT action, at, actor, actor_firm_id, detail FROM failed_event_history "
                + "WHERE failed_event_id = ? ORDER BY id", rs -> new FailedEvent.HistoryItem(rs.getString(1),
                        Sql.instant(rs.getTimestamp(2)), rs.getString(3), rs.getString(4), rs.getString(5)), id);
    }

    /** @return what a replay republishes, locked ({@code FOR UPDATE}) until the caller's transaction ends */
    public Optional<Original> lockOriginal(UUID id) {
        return query("SELECT id, firm_id, state, source_topic, record_key, original_value, original_headers::text "
                + "FROM failed_event WHERE id = ? FOR UPDATE", rs -> new Original(rs.getObject(1, UUID.class),
                        rs.getString(2), FailedEvent.State.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), headers(rs.getString(7))), id).stream().findFirst();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static String where(FailedEvent.Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(" WHERE TRUE");
        clause(sql, args, " AND f.firm_id = ?", f.firmId());
        clause(sql, args, " AND f.user_id = ?", f.userId());
        clause(sql, args, " AND f.time_entry_id = ?", f.entryId());
        clause(sql, args, " AND f.matter_id = ?", f.matterId());
        clause(sql, args, " AND f.reason_code = ?", f.reasonCode());
        clause(sql, args, " AND f.last_failure_at >= ?", ts(f.from()));
        clause(sql, args, " AND f.last_failure_at < ?", ts(f.to()));
        clause(sql, args, " AND f.state = ?", f.state() == null ? null : f.state().name());
        return sql.toString();
    }

    private static void clause(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(condition);
            args.add(value);
        }
    }

    private static FailedEvent.Summary summary(ResultSet rs) throws SQLException {
        return new FailedEvent.Summary(rs.getObject(1, UUID.class), FailedEvent.State.valueOf(rs.getString(2)),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class),
                (Long) rs.getObject(7), rs.getString(8), rs.getString(9), (Integer) rs.getObject(10), rs.getInt(11),
                Sql.instant(rs.getTimestamp(12)), Sql.instant(rs.getTimestamp(13)), rs.getInt(14), rs.getString(15),
                rs.getString(16), rs.getString(17), rs.getString(18));
    }

    private static Map<String, String> headers(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return EventJson.mapper().readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(WHAT + ": unreadable headers", e);
        }
    }

    private static JsonNode event(String value) {
        if (value == null) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(value);
        } catch (java.io.IOException | RuntimeException e) {
            return TextNode.valueOf(value);
        }
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(WHAT + " failed: " + e.getMessage(), e);
        }
    }
}
