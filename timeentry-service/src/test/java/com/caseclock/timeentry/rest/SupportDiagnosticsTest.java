package com.caseclock.timeentry.rest;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.create;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.ConnectionState;
import com.caseclock.events.ConnectionStatusChangedV1;
import com.caseclock.events.FailureReason;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.Money;
import com.caseclock.events.SyncFailure;
import com.caseclock.events.SyncOutcome;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.security.TestTokens;
import com.caseclock.timeentry.messaging.ConnectionStatusConsumer;
import com.caseclock.timeentry.messaging.SyncResultConsumer;
import com.caseclock.timeentry.support.Db;
import com.caseclock.timeentry.support.Events;
import com.caseclock.timeentry.support.Matters;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * {@code GET /api/v1/support/diagnostics}: an entry's timeline from capture to Clio with the event ids sent and
 * received, the connection status as this service knows it, recent failures, the version; and who may see what
 * (support any firm by {@code firmId}, a firm admin their firm, a lawyer themselves; anything else 404).
 */
@QuarkusTest
class SupportDiagnosticsTest {

    private static final String PATH = "/api/v1/support/diagnostics";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void supportSeesTheEntryFromCaptureToClioWithEventIdsAndTheConnection() {
        String firm = uniqueFirm();
        String dana = lawyer(firm, "dana");
        long matter = Matters.known(companion, dataSource, firm, "00500-Diag", MatterStatus.OPEN);
        String id = create(dana, Map.of("durationSeconds", 5400, "matterId", matter, "workDate", "2025-03-14"))
                .path("id");
        as(dana).header("If-Match", "\"0\"").post("/api/v1/time-entries/" + id + "/approve").then().statusCode(200);
        UUID approval = UUID.fromString(as(dana).get("/api/v1/time-entries/" + id + "/audit").then().extract()
                .jsonPath().getString("find { it.action == 'APPROVED' }.eventSent"));
        Awaitility.await().atMost(TIMEOUT).until(() -> Db.count(dataSource,
                "SELECT count(*) FROM outbox_event WHERE event_id = ? AND sent_at IS NOT NULL", approval) == 1);
        TimeEntrySyncResultV1 failed = result(firm, id, approval, SyncOutcome.FAILED);
        TimeEntrySyncResultV1 synced = result(firm, id, approval, SyncOutcome.SYNCED);
        deliver(failed);
        deliver(synced);
        ConnectionStatusChangedV1 status = new ConnectionStatusChangedV1(UUID.randomUUID(), firm, now(), 1, "dana",
                ConnectionState.CONNECTED, "US", 3_001L, 7_001L, null, now().minusSeconds(30));
        Events.publish(companion, status);
        Awaitility.await().atMost(TIMEOUT).until(() -> Db.count(dataSource,
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                ConnectionStatusConsumer.CHANNEL, status.eventId()) == 1);

        Response response = as(TestTokens.support("sam"))
                .queryParams(Map.of("firmId", firm, "userId", "dana", "entryId", id)).get(PATH);
        response.then().statusCode(200).contentType("application/json")
                .header("Content-Disposition", matchesPattern(
                        "attachment; filename=\"timeentry-diagnostics-" + firm + "-dana-\\d{8}T\\d{6}Z\\.json\""))
                .body("service.name", equalTo("timeentry-service"))
                // Tests run without quarkus.application.version (Quarkus sets it from the project only when packaging).
                .body("service.version", not(emptyOrNullString()))
                .body("firmId", equalTo(firm)).body("userId", equalTo("dana"))
                .body("connections[0].userId", equalTo("dana"))
                .body("connections[0].connection.status", equalTo("connected"))
                .body("connections[0].connection.region", equalTo("US"))
                .body("connections[0].connection.clioUserId", equalTo(3001))
                .body("entry.entry.id", equalTo(id))
                .body("entry.entry.status", equalTo("SYNCED"))
                .body("entry.entry.clioActivityId", equalTo(777));
        JsonPath body = response.jsonPath();
        assertThat(body.getList("entry.timeline.stage", String.class)).containsExactly("CAPTURE", "APPROVAL",
                "PUBLICATION", "SYNC_RESULT", "SYNC_RESULT");
        assertThat(body.getList("entry.timeline.action", String.class)).containsExactly("CREATED", "APPROVED",
                "EVENT_PUBLISHED", "SYNC_RESULT_APPLIED", "SYNC_RESULT_APPLIED");
        assertThat(body.getString("entry.timeline[1].eventSent")).isEqualTo(approval.toString());
        assertThat(body.getString("entry.timeline[2].eventSent")).isEqualTo(approval.toString());
        assertThat(body.getString("entry.timeline[2].details.topic"))
                .isEqualTo(Topic.TIME_ENTRY_APPROVAL.topicName());
        assertThat(body.getString("entry.timeline[2].at")).isNotNull();
        assertThat(body.getString("entry.timeline[3].eventReceived")).isEqualTo(failed.eventId().toString());
        assertThat(body.getString("entry.timeline[3].details.failureReason")).isEqualTo("CLIO_UNAVAILABLE");
        assertThat(body.getString("entry.timeline[4].eventReceived")).isEqualTo(synced.eventId().toString());
        assertThat(body.getLong("outbox.unsent")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void recentFailuresAndFirmWideConnectionsWithoutAUser() {
        String firm = uniqueFirm();
        String dana = lawyer(firm, "dana");
        long matter = Matters.known(companion, dataSource, firm, "00501-Diag", MatterStatus.OPEN);
        String id = create(dana, Map.of("durationSeconds", 600, "matterId", matter, "workDate", "2025-03-15"))
                .path("id");
        as(dana).header("If-Match", "\"0\"").post("/api/v1/time-entries/" + id + "/approve").then().statusCode(200);
        UUID approval = UUID.fromString(as(dana).get("/api/v1/time-entries/" + id + "/audit").then().extract()
                .jsonPath().getString("find { it.action == 'APPROVED' }.eventSent"));
        deliver(result(firm, id, approval, SyncOutcome.FAILED));
        ConnectionStatusChangedV1 broken = new ConnectionStatusChangedV1(UUID.randomUUID(), firm, now(), 1, "lee",
                ConnectionState.NEEDS_RECONNECT, "EU", 3_002L, 7_001L, "Clio rejected the saved sign-in", null);
        Events.publish(companion, broken);
        Awaitility.await().atMost(TIMEOUT).until(() -> Db.count(dataSource,
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                ConnectionStatusConsumer.CHANNEL, broken.eventId()) == 1);

        as(TestTokens.support("sam")).queryParam("firmId", firm).get(PATH).then().statusCode(200)
                .body("userId", nullValue())
                .body("entry", nullValue())
                .body("connections.userId", equalTo(List.of("lee")))
                .body("connections[0].connection.status", equalTo("needsReconnect"))
                .body("connections[0].connection.reason", equalTo("Clio rejected the saved sign-in"))
                .body("recentSyncFailures.id", equalTo(List.of(id)))
                .body("recentSyncFailures[0].syncFailure.reason", equalTo("CLIO_UNAVAILABLE"))
                .body("recentSyncFailures[0].syncFailure.message", equalTo("Clio is unavailable (503)"));
        // A user without any state received: one item, status unknown.
        as(TestTokens.firmAdmin(firm, "priya")).queryParam("userId", "dana").get(PATH).then().statusCode(200)
                .body("connections[0].userId", equalTo("dana"))
                .body("connections[0].connection.status", equalTo("unknown"))
                .body("recentSyncFailures.id", equalTo(List.of(id)));
        as(TestTokens.firmAdmin(firm, "priya")).queryParam("userId", "lee").get(PATH).then().statusCode(200)
                .body("recentSyncFailures", equalTo(List.of()));
    }

    @Test
    void firmAdminsSeeTheirFirmLawyersThemselvesAndEveryoneElseGets404() {
        String firm = uniqueFirm();
        String other = uniqueFirm();
        String dana = lawyer(firm, "dana");
        String id = create(dana, Map.of("durationSeconds", 60)).path("id");
        String admin = TestTokens.firmAdmin(firm, "priya");
        String otherAdmin = TestTokens.firmAdmin(other, "olga");

        as(admin).queryParams(Map.of("userId", "dana", "entryId", id)).get(PATH).then().statusCode(200)
                .body("firmId", equalTo(firm)).body("entry.entry.id", equalTo(id));
        as(admin).queryParams(Map.of("firmId", firm, "entryId", id)).get(PATH).then().statusCode(200);
        as(dana).queryParam("entryId", id).get(PATH).then().statusCode(200).body("userId", equalTo("dana"))
                .body("entry.timeline.action", equalTo(List.of("CREATED")));

        notFound(as(otherAdmin).queryParam("firmId", firm).get(PATH));
        notFound(as(otherAdmin).queryParam("entryId", id).get(PATH));
        notFound(as(admin).queryParam("firmId", other).get(PATH));
        notFound(as(dana).queryParam("userId", "colleague").get(PATH));
        notFound(as(lawyer(firm, "colleague")).queryParam("entryId", id).get(PATH));
        notFound(as(admin).queryParams(Map.of("userId", "colleague", "entryId", id)).get(PATH));
        notFound(as(TestTokens.support("sam")).queryParams(Map.of("firmId", other, "entryId", id)).get(PATH));
        notFound(as(TestTokens.support("sam")).queryParams(Map.of("firmId", firm, "entryId",
                UUID.randomUUID().toString())).get(PATH));
    }

    @Test
    void badParametersAre400AndNoTokenIs401() {
        as(TestTokens.support("sam")).get(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("firmId"));
        as(TestTokens.support("sam")).queryParams(Map.of("firmId", "f", "entryId", "not-a-uuid")).get(PATH).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("entryId"));
        as(TestTokens.support("sam")).queryParam("firmId", "x".repeat(201)).get(PATH).then().statusCode(400)
                .body("errors.field", hasItem("firmId"));
        io.restassured.RestAssured.given().get(PATH).then().statusCode(401);
    }

    private static void notFound(Response response) {
        response.then().statusCode(404).contentType("application/problem+json");
    }

    private void deliver(TimeEntrySyncResultV1 result) {
        Events.publish(companion, result);
        Awaitility.await().atMost(TIMEOUT).until(() -> Db.count(dataSource,
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                SyncResultConsumer.CHANNEL, result.eventId()) == 1);
    }

    private static TimeEntrySyncResultV1 result(String firm, String id, UUID source, SyncOutcome outcome) {
        return outcome == SyncOutcome.SYNCED
                ? new TimeEntrySyncResultV1(UUID.randomUUID(), firm, now(), 1, UUID.fromString(id), "dana", source,
                        1, SyncOutcome.SYNCED, 777L, 5400L, Money.of("350.00", "USD"), Money.of("525.00", "USD"),
                        false, null, false, null)
                : new TimeEntrySyncResultV1(UUID.randomUUID(), firm, now(), 1, UUID.fromString(id), "dana", source,
                        1, SyncOutcome.FAILED, null, null, null, null, null, null, false,
                        new SyncFailure(FailureReason.CLIO_UNAVAILABLE, "Clio is unavailable (503)", true, 503, 5));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
