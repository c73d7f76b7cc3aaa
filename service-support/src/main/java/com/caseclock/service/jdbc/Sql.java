package com.caseclock.service.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * The two plain-JDBC chores the services' bookkeeping stores repeat: run one parameterised statement on a connection
 * of the (transaction-aware) data source, and read a nullable {@code timestamptz} as an {@link Instant}.
 */
public final class Sql {

    private Sql() {
    }

    /**
     * Runs one INSERT, UPDATE or DELETE; inside a JTA transaction the connection joins it.
     *
     * @param dataSource the service's data source
     * @param what       plain words for the error message, e.g. "Sync bookkeeping"
     * @param sql        the statement, with {@code ?} placeholders
     * @param args       the parameters, in order ({@code null} allowed where the SQL casts the placeholder)
     * @return the number of rows changed
     * @throws IllegalStateException if the database refuses the statement
     */
    public static int update(DataSource dataSource, String what, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** @return the instant, or {@code null} for a SQL NULL */
    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
