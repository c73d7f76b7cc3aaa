package com.caseclock.mattercache.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code replay_state} table and the wipe of one channel's projection: what a (re)build from the beginning of a
 * compacted topic starts from.
 */
@ApplicationScoped
public class ReplayStateRepository {

    /**
     * Replay state of one channel.
     *
     * @param channel    consuming channel
     * @param topic      its topic
     * @param startedAt  when the current build from the beginning started
     * @param caughtUpAt when the consumer lag first reached 0 after that, or {@code null} while replaying
     */
    public record ReplayState(String channel, String topic, Instant startedAt, Instant caughtUpAt) {
    }

    private final AgroalDataSource dataSource;

    ReplayStateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param channel consuming channel
     * @return its replay state, empty when this database was never filled from the channel's topic
     */
    public Optional<ReplayState> find(String channel) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT channel, topic, started_at, caught_up_at FROM replay_state WHERE channel = ?")) {
            s.setString(1, channel);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new ReplayState(rs.getString(1), rs.getString(2), Sql.getInstant(rs, "started_at"),
                                Sql.getInstant(rs, "caught_up_at")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("Reading replay state of " + channel, e);
        }
    }

    /**
     * Wipes a channel's projection in one transaction: its tables, its deletion markers, its inbox rows and its
     * freshness rows; then records that a build from the beginning started now.
     *
     * @param channel   consuming channel (its inbox consumer name)
     * @param topic     its topic
     * @param tables    projection tables it owns (emptied with TRUNCATE)
     * @param kinds     deletion marker kinds it owns
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void restart(String channel, String topic, List<String> tables, List<String> kinds) {
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE " + String.join(", ", tables));
                try (PreparedStatement s = c.prepareStatement("DELETE FROM deletion_marker WHERE kind = ANY (?)")) {
                    s.setArray(1, c.createArrayOf("text", kinds.toArray()));
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM processed_event WHERE consumer = ?")) {
                    s.setString(1, channel);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM firm_freshness WHERE topic = ?")) {
                    s.setString(1, topic);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO replay_state (channel, topic, started_at, caught_up_at) VALUES (?, ?, now(), NULL)
                        ON CONFLICT (channel) DO UPDATE SET topic = excluded.topic, started_at = excluded.started_at,
                            caught_up_at = NULL""")) {
                    s.setString(1, channel);
                    s.setString(2, topic);
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Wiping the projection of " + channel, e);
        }
    }

    /**
     * Records that a channel's consumer reached the end of its topic (lag 0) for the first time since its build
     * started; later calls keep the first time. When this call records it, the channel's projection tables are
     * analysed ({@code ANALYZE}) in the same transaction, so the channel shows caught up only once they are: a
     * rebuild truncates and refills them faster than autovacuum's analyse follows, and until then the planner works
     * from the statistics of the empty tables (a search of a 20,000-matter firm right after a rebuild took seconds
     * instead of milliseconds).
     *
     * @param channel consuming channel
     * @param tables  the channel's projection tables
     *                ({@link com.caseclock.mattercache.service.ProjectionChannel#tables()})
     * @return {@code true} if this call recorded it
     * @throws IllegalStateException when the database refuses the update or the analysis
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean markCaughtUp(String channel, List<String> tables) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE replay_state SET caught_up_at = now() WHERE channel = ? AND caught_up_at IS NULL")) {
            s.setString(1, channel);
            if (s.executeUpdate() != 1) {
                return false;
            }
            try (Statement analyse = c.createStatement()) {
                analyse.execute("ANALYZE " + String.join(", ", tables));
            }
            return true;
        } catch (SQLException e) {
            throw Sql.failure("Marking " + channel + " caught up", e);
        }
    }
}
