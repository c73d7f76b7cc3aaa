package com.caseclock.mattercache.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.events.LookupOutcome;
import com.caseclock.events.MatterLookupAnsweredV1;

import io.agroal.api.AgroalDataSource;

/** The {@code matter_lookup_answer} table: the connector's answers to on-demand matter lookups. */
@ApplicationScoped
public class LookupAnswerRepository {

    /**
     * A stored answer.
     *
     * @param lookupId      correlation id
     * @param query         the query asked
     * @param outcome       found, not found or failed
     * @param matterClioIds Clio ids of the matters found
     * @param message       plain-words detail, or {@code null}
     * @param answeredAt    when the connector answered
     */
    public record LookupAnswer(UUID lookupId, String query, LookupOutcome outcome, List<Long> matterClioIds,
            String message, Instant answeredAt) {
    }

    private final AgroalDataSource dataSource;

    LookupAnswerRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores an answer; a repeated answer for the same lookup keeps the first.
     *
     * @param answer the event
     */
    public void save(MatterLookupAnsweredV1 answer) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO matter_lookup_answer (lookup_id, firm_id, query, outcome, matter_clio_ids, message,
                    answered_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lookup_id) DO NOTHING""")) {
            s.setObject(1, answer.lookupId());
            s.setString(2, answer.firmId());
            s.setString(3, answer.query());
            s.setString(4, answer.outcome().name());
            s.setArray(5, c.createArrayOf("bigint", answer.matterClioIds().toArray()));
            s.setString(6, answer.message());
            Sql.setInstant(s, 7, answer.occurredAt());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("Saving lookup answer " + answer.lookupId(), e);
        }
    }

    /**
     * @param firmId   tenant id (the caller's)
     * @param lookupId correlation id
     * @return the answer, empty while none has arrived (or if it belongs to another firm)
     */
    public Optional<LookupAnswer> find(String firmId, UUID lookupId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT lookup_id, query, outcome, matter_clio_ids, message, answered_at FROM matter_lookup_answer "
                        + "WHERE firm_id = ? AND lookup_id = ?")) {
            s.setString(1, firmId);
            s.setObject(2, lookupId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array ids = rs.getArray("matter_clio_ids");
                return Optional.of(new LookupAnswer(rs.getObject("lookup_id", UUID.class), rs.getString("query"),
                        LookupOutcome.valueOf(rs.getString("outcome")), Arrays.asList((Long[]) ids.getArray()),
                        rs.getString("message"), Sql.getInstant(rs, "answered_at")));
            }
        } catch (SQLException e) {
            throw Sql.failure("Reading lookup " + lookupId, e);
        }
    }
}
