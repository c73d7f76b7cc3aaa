package com.caseclock.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.testsupport.postgres.PostgresDatabaseResource;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The relay against a real PostgreSQL database: order, failure handling and the one-relay-at-a-time lock. The Kafka
 * side (the sender) is a function here; the services' tests publish through the real broker.
 */
class OutboxRelayTest {

    private static final PostgresDatabaseResource DATABASE = new PostgresDatabaseResource();
    private static String url;
    private static String user;
    private static String password;

    private Connection tx;
    private OutboxStore store;
    private final List<String> sentKeys = new ArrayList<>();

    @BeforeAll
    static void createDatabase() throws Exception {
        DATABASE.init(Map.of("prefix", "outbox"));
        Map<String, String> config = DATABASE.start();
        url = config.get("quarkus.datasource.jdbc.url");
        user = config.get("quarkus.datasource.username");
        password = config.get("quarkus.datasource.password");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(Files.readString(Path.of("../timeentry-service/src/main/resources/db/migration/V2__outbox.sql"),
                    StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.stop();
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("TRUNCATE outbox_event");
        }
    }

    @Test
    void publishesInRecordingOrderAndOnlyOnce() throws SQLException {
        inTransaction(() -> {
            store.append(event("entry-1"));
            store.append(event("entry-2"));
            store.append(event("entry-1"));
        });
        int sent = inTransaction(() -> relay(m -> CompletableFuture.completedFuture(null)).relayBatch());
        assertThat(sent).isEqualTo(3);
        assertThat(sentKeys).containsExactly("entry-1", "entry-2", "entry-1");

        sentKeys.clear();
        int again = inTransaction(() -> relay(m -> CompletableFuture.completedFuture(null)).relayBatch());
        assertThat(again).isZero();
        assertThat(sentKeys).isEmpty();
        assertThat(inTransaction(() -> store.backlog()).unsent()).isZero();
    }

    @Test
    void aFailedSendStopsTheBatchAndIsRetriedInOrderNextTime() throws SQLException {
        inTransaction(() -> {
            store.append(event("a"));
            store.append(event("b"));
            store.append(event("c"));
        });
        int first = inTransaction(() -> relay(m -> key(m).equals("b")
                ? CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"))
                : CompletableFuture.completedFuture(null)).relayBatch());
        assertThat(first).isEqualTo(1);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT kafka_key, sent_at IS NOT NULL, attempts, last_error "
                        + "FROM outbox_event ORDER BY id")) {
            rs.next();
            assertThat(rs.getBoolean(2)).isTrue();
            rs.next();
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getInt(3)).isEqualTo(1);
            assertThat(rs.getString(4)).contains("broker unavailable");
            rs.next();
            assertThat(rs.getBoolean(2)).as("c is after the failure: not marked sent").isFalse();
        }
        sentKeys.clear();
        int second = inTransaction(() -> relay(m -> CompletableFuture.completedFuture(null)).relayBatch());
        assertThat(second).isEqualTo(2);
        assertThat(sentKeys).containsExactly("b", "c");
    }

    @Test
    void onlyOneRelayPublishesAtATime() throws SQLException {
        inTransaction(() -> store.append(event("x")));
        try (Connection other = DriverManager.getConnection(url, user, password)) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + OutboxStore.RELAY_LOCK_KEY + ")");
            }
            int sent = inTransaction(() -> relay(m -> CompletableFuture.completedFuture(null)).relayBatch());
            assertThat(sent).isZero();
            other.rollback();
        }
        assertThat(inTransaction(() -> relay(m -> CompletableFuture.completedFuture(null)).relayBatch())).isOne();
    }

    private OutboxRelay relay(java.util.function.Function<Message<String>, CompletableFuture<Void>> send) {
        return new OutboxRelay(store, m -> {
            CompletableFuture<Void> ack = send.apply(m);
            if (!ack.isCompletedExceptionally()) {
                sentKeys.add(key(m));
            }
            return ack;
        }, URI.create("/caseclock/test"), 100, Duration.ofSeconds(5), Clock.systemUTC());
    }

    @SuppressWarnings("unchecked")
    private static String key(Message<String> message) {
        return (String) message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow().getKey();
    }

    private static OutgoingEvent event(String key) {
        return new OutgoingEvent("timeentry.time-entry.approval.v1", key, UUID.randomUUID(),
                "com.caseclock.timeentry.approved.v1", key, Instant.now(), "{}");
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private void inTransaction(Runnable work) throws SQLException {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Runs the work in one JDBC transaction, the way a JTA transaction shares one connection in the services. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            tx = connection;
            store = new OutboxStore(sharing(connection));
            T result = work.run();
            connection.commit();
            return result;
        }
    }

    private static DataSource sharing(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(OutboxRelayTest.class.getClassLoader(),
                new Class<?>[] { Connection.class },
                (proxy, method, args) -> "close".equals(method.getName()) ? null : method.invoke(connection, args));
        return (DataSource) Proxy.newProxyInstance(OutboxRelayTest.class.getClassLoader(),
                new Class<?>[] { DataSource.class },
                (proxy, method, args) -> "getConnection".equals(method.getName()) ? unclosable : null);
    }
}
