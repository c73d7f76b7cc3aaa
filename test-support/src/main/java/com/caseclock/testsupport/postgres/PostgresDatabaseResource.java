package com.caseclock.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource that gives each test run its own, empty PostgreSQL database on the local server, and drops it
 * afterwards. No H2, no Dev Services: the database is a real PostgreSQL, reached with the ordinary
 * {@code quarkus.datasource.*} properties that this resource returns.
 *
 * <p>The server is found through environment variables, with local defaults: {@code CASECLOCK_TEST_PG_HOST}
 * (127.0.0.1), {@code CASECLOCK_TEST_PG_PORT} (5432), {@code CASECLOCK_TEST_PG_USER} (postgres) and
 * {@code CASECLOCK_TEST_PG_PASSWORD} (empty). The database is named {@code cc_test_<prefix>_<pid>_<random>}; the
 * prefix comes from the init argument {@code prefix} (default {@code app}). Databases left behind by test JVMs that are
 * no longer running (a killed build) are dropped at start.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(PostgresDatabaseResource.class);
    private static final Pattern TEST_DATABASE = Pattern.compile("cc_test_[a-z0-9]+_(\\d+)_[a-z0-9]+");

    private String prefix = "app";
    private String databaseName;

    @Override
    public void init(Map<String, String> initArgs) {
        String requested = initArgs.getOrDefault("prefix", prefix).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (!requested.isEmpty()) {
            prefix = requested;
        }
    }

    @Override
    public Map<String, String> start() {
        databaseName = "cc_test_" + prefix + "_" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            dropAbandonedDatabases(statement);
            statement.execute("CREATE DATABASE " + databaseName);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + databaseName + " on " + serverUrl()
                    + " (is PostgreSQL running? see README.md)", e);
        }
        LOG.infof("Test database %s created", databaseName);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(databaseName));
        config.put("quarkus.datasource.username", user());
        config.put("quarkus.datasource.password", password());
        return config;
    }

    @Override
    public void stop() {
        if (databaseName == null) {
            return;
        }
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
            LOG.infof("Test database %s dropped", databaseName);
        } catch (SQLException e) {
            LOG.warnf(e, "Could not drop test database %s", databaseName);
        }
    }

    /** @return the name of the database this resource created, or {@code null} before {@link #start()} */
    public String databaseName() {
        return databaseName;
    }

    private static void dropAbandonedDatabases(Statement statement) throws SQLException {
        List<String> abandoned = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'cc_test_%'")) {
            while (rs.next()) {
                Matcher m = TEST_DATABASE.matcher(rs.getString(1));
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    abandoned.add(rs.getString(1));
                }
            }
        }
        for (String name : abandoned) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            LOG.infof("Dropped test database %s left by a test JVM that is no longer running", name);
        }
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), user(), password());
    }

    private static String serverUrl() {
        return env("CASECLOCK_TEST_PG_HOST", "127.0.0.1") + ":" + env("CASECLOCK_TEST_PG_PORT", "5432");
    }

    private static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + serverUrl() + "/" + database;
    }

    private static String user() {
        return env("CASECLOCK_TEST_PG_USER", "postgres");
    }

    private static String password() {
        return env("CASECLOCK_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
