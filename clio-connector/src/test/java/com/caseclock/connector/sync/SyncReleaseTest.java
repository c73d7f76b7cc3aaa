package com.caseclock.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * When a firm's run ends with webhook changes pending, the next run starts at once only if this one succeeded: a run
 * Clio throttled (429, "resuming in 59 s") keeps its delay, or the firm would be run, and refused, every second.
 */
@QuarkusTest
class SyncReleaseTest {

    private static final String OWNER = "release-test";

    @Inject
    SyncStore store;

    @Inject
    AgroalDataSource dataSource;

    private final String firm = "firm-release-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFailedRunKeepsItsDelayEvenWithChangesPendingAndASuccessfulOneRunsThemAtOnce() throws SQLException {
        // leased by this test, so the service's own scheduler never claims the firm
        execute("INSERT INTO firm_sync (firm_id, sync_user_id, next_poll_at, lease_owner, lease_until, updated_at) "
                + "VALUES (?, 'u', now() + interval '1 hour', '" + OWNER + "', now() + interval '1 hour', now())");
        execute("INSERT INTO pending_change (firm_id, resource, clio_id, event, received_at) "
                + "VALUES (?, 'matters', 7, 'updated', now())");

        store.release(firm, OWNER, Duration.ofSeconds(59), "Clio is throttling this firm (HTTP 429); resuming in 59 s");
        assertThat(secondsUntilNextRun()).isBetween(50.0, 60.0);

        execute("UPDATE firm_sync SET lease_owner = '" + OWNER + "', lease_until = now() + interval '1 hour' "
                + "WHERE firm_id = ?");
        store.release(firm, OWNER, Duration.ofSeconds(59), null);
        assertThat(secondsUntilNextRun()).isLessThan(1.0);
    }

    @AfterEach
    void forget() throws SQLException {
        execute("DELETE FROM pending_change WHERE firm_id = ?");
        execute("DELETE FROM firm_sync WHERE firm_id = ?");
    }

    private double secondsUntilNextRun() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT extract(epoch FROM next_poll_at - now()) FROM firm_sync WHERE firm_id = ?")) {
            s.setString(1, firm);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getDouble(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firm);
            s.executeUpdate();
        }
    }
}
