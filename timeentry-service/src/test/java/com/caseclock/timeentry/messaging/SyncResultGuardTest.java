package com.caseclock.timeentry.messaging;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.create;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
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

import com.caseclock.events.FailureReason;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.Money;
import com.caseclock.events.SyncFailure;
import com.caseclock.events.SyncOutcome;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.timeentry.support.Db;
import com.caseclock.timeentry.support.Events;
import com.caseclock.timeentry.support.Matters;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Duplicate and out-of-order sync results never move an entry backwards. */
@QuarkusTest
class SyncResultGuardTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void duplicatesAndLateFailuresLeaveTheRightFinalState() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        long matter = Matters.known(companion, dataSource, firm, "00400-Sync", MatterStatus.OPEN);
        String id = create(token, Map.of("durationSeconds", 5400, "matterId", matter, "workDate", "2025-03-14"))
                .path("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/time-entries/" + id + "/approve").then().statusCode(200);
        long rev1 = 1;
        UUID approval1 = lastEventSent(token, id);

        // A retryable failure, then the success for the same revision: SYNCED.
        TimeEntrySyncResultV1 failed = failed(firm, id, approval1, rev1, FailureReason.CLIO_UNAVAILABLE, true);
        deliver(failed);
        as(token).get("/api/v1/time-entries/" + id).then().body("status", equalTo("SYNC_FAILED"))
                .body("syncFailure.reason", equalTo("CLIO_UNAVAILABLE"));
        TimeEntrySyncResultV1 synced = synced(firm, id, approval1, rev1, 777L);
        deliver(synced);
        as(token).get("/api/v1/time-entries/" + id).then().body("status", equalTo("SYNCED"))
                .body("clioActivityId", equalTo(777)).body("clioQuantitySeconds", equalTo(5400))
                .body("clioPrice.amount", equalTo("350.00")).body("clioTotal.amount", equalTo("525.00"))
                .body("syncFailure", nullValue());

        // The same failure delivered again (duplicate event id), and a late failure for the same revision.
        deliverDuplicate(failed);
        deliver(failed(firm, id, approval1, rev1, FailureReason.CLIO_UNAVAILABLE, true));
        as(token).get("/api/v1/time-entries/" + id).then().body("status", equalTo("SYNCED"))
                .body("clioActivityId", equalTo(777));

        // Edit after sync: revision goes up; the new result arrives before a late one for the old revision.
        String etag = as(token).get("/api/v1/time-entries/" + id).then().extract().header("ETag");
        long rev2 = as(token).header("If-Match", etag).body(Map.of("durationSeconds", 6000))
                .patch("/api/v1/time-entries/" + id).then().statusCode(200).body("status", equalTo("APPROVED"))
                .extract().<Integer>path("version");
        UUID approval2 = lastEventSent(token, id);
        deliver(synced(firm, id, approval2, rev2, 777L));
        deliver(failed(firm, id, approval1, rev1, FailureReason.VALIDATION_REJECTED, false));
        as(token).get("/api/v1/time-entries/" + id).then().body("status", equalTo("SYNCED"));

        // Billed in Clio: an edit is refused by the connector; recorded as it is.
        etag = as(token).get("/api/v1/time-entries/" + id).then().extract().header("ETag");
        long rev3 = as(token).header("If-Match", etag).body(Map.of("note", "typo fixed"))
                .patch("/api/v1/time-entries/" + id).then().statusCode(200).extract().<Integer>path("version");
        deliver(failed(firm, id, lastEventSent(token, id), rev3, FailureReason.ACTIVITY_BILLED, false));
        as(token).get("/api/v1/time-entries/" + id).then().body("status", equalTo("SYNC_FAILED"))
                .body("syncFailure.reason", equalTo("ACTIVITY_BILLED"))
                .body("syncFailure.retryable", equalTo(false));

        // Voided is final: a late success changes nothing.
        etag = as(token).get("/api/v1/time-entries/" + id).then().extract().header("ETag");
        long rev4 = as(token).header("If-Match", etag).post("/api/v1/time-entries/" + id + "/void").then()
                .statusCode(200).body("status", equalTo("VOIDED")).extract().<Integer>path("version");
        deliver(synced(firm, id, approval2, rev2, 777L));
        deliver(new TimeEntrySyncResultV1(UUID.randomUUID(), firm, now(), 1, UUID.fromString(id), "dana",
                lastEventSent(token, id), rev4, SyncOutcome.VOIDED, 777L, null, null, null, null, null, false, null));
        as(token).get("/api/v1/time-entries/" + id).then().body("status", equalTo("VOIDED"));

        JsonPath audit = as(token).get("/api/v1/time-entries/" + id + "/audit").then().extract().jsonPath();
        List<String> actions = audit.getList("action");
        assertThat(actions).containsSubsequence("APPROVED", "SYNC_RESULT_APPLIED", "SYNC_RESULT_APPLIED",
                "SYNC_RESULT_IGNORED", "UPDATED_AFTER_APPROVAL", "SYNC_RESULT_APPLIED", "SYNC_RESULT_IGNORED",
                "VOIDED", "SYNC_RESULT_IGNORED", "SYNC_RESULT_IGNORED");
        assertThat(audit.getList("eventReceived", String.class)).contains(synced.eventId().toString());
        assertThat(Db.count(dataSource, "SELECT count(*) FROM time_entry_audit WHERE event_received = ?",
                failed.eventId())).as("duplicate delivery recorded once").isEqualTo(1);
    }

    private UUID lastEventSent(String token, String id) {
        List<String> sent = as(token).get("/api/v1/time-entries/" + id + "/audit").then().extract().jsonPath()
                .getList("findAll { it.eventSent != null }.eventSent", String.class);
        return UUID.fromString(sent.get(sent.size() - 1));
    }

    private void deliver(TimeEntrySyncResultV1 result) {
        Events.publish(companion, result);
        awaitProcessed(result.eventId());
    }

    /**
     * Publishes an already delivered result again. Nothing to wait for (its id is already in the inbox): the next
     * result of the test has the same key, so the same partition, and is processed after it.
     */
    private void deliverDuplicate(TimeEntrySyncResultV1 result) {
        Events.publish(companion, result);
    }

    private void awaitProcessed(UUID eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(dataSource,
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                SyncResultConsumer.CHANNEL, eventId) == 1);
    }

    private static TimeEntrySyncResultV1 synced(String firm, String id, UUID source, long revision, Long activity) {
        return new TimeEntrySyncResultV1(UUID.randomUUID(), firm, now(), 1, UUID.fromString(id), "dana", source,
                revision, SyncOutcome.SYNCED, activity, 5400L, Money.of("350.00", "USD"), Money.of("525.00", "USD"),
                false, Money.of("350.00", "USD"), false, null);
    }

    private static TimeEntrySyncResultV1 failed(String firm, String id, UUID source, long revision,
            FailureReason reason, boolean retryable) {
        return new TimeEntrySyncResultV1(UUID.randomUUID(), firm, now(), 1, UUID.fromString(id), "dana", source,
                revision, SyncOutcome.FAILED, null, null, null, null, null, null, false,
                new SyncFailure(reason, "Clio said no (" + reason + ")", retryable, 503, 1));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
