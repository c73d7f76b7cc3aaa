package com.caseclock.timeentry.restart;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL database that outlives a Quarkus application restart within the test JVM (the per-run database of
 * {@code PostgresDatabaseResource} is recreated when a test profile restarts the application). Created once per
 * JVM, dropped at JVM exit (and, if the JVM is killed, by the next run's clean-up of abandoned {@code cc_test_*}
 * databases, whose name pattern it follows).
 */
final class StableDatabase {

    private static final String NAME = "cc_test_timeentryrestart_" + ProcessHandle.current().pid() + "_stable";
    private static boolean created;

    private StableDatabase() {
    }

    /** @return the JDBC URL of the database, creating it on first use */
    static synchronized String jdbcUrl() {
        if (!created) {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + NAME);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create " + NAME, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(StableDatabase::drop, "drop-" + NAME));
            created = true;
        }
        return url(NAME);
    }

    static String name() {
        return NAME;
    }

    static String user() {
        return env("CASECLOCK_TEST_PG_USER", "postgres");
    }

    static String password() {
        return env("CASECLOCK_TEST_PG_PASSWORD", "");
    }

    private static void drop() {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
        } catch (SQLException e) {
            // left for the next run's clean-up
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(url("postgres"), user(), password());
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + env("CASECLOCK_TEST_PG_HOST", "127.0.0.1") + ":"
                + env("CASECLOCK_TEST_PG_PORT", "5432") + "/" + database;
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
