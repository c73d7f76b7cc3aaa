package com.caseclock.timeentry.rest;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.create;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.caseclock.testsupport.security.TestTokens;
import com.caseclock.timeentry.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;

/** Timers: elapsed time from instants (a frozen, hand-moved clock), the running-timer limit, create or extend. */
@QuarkusTest
class TimerTest {

    @Inject
    TestClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void startPauseResumeStopCreatesADraftWithTheTimeActuallyRun() {
        String token = lawyer(uniqueFirm(), "dana");
        clock.freeze();
        String timer = as(token).body(Map.of("note", "Research", "pendingMatterReference", "00042"))
                .post("/api/v1/timers").then().statusCode(201).body("state", equalTo("RUNNING"))
                .body("elapsedSeconds", equalTo(0)).extract().path("id");
        clock.advance(Duration.ofMinutes(50).plusSeconds(7));
        as(token).post("/api/v1/timers/" + timer + "/pause").then().statusCode(200)
                .body("state", equalTo("PAUSED")).body("elapsedSeconds", equalTo(3007));
        clock.advance(Duration.ofHours(2)); // paused: does not count
        as(token).get("/api/v1/timers/" + timer).then().body("elapsedSeconds", equalTo(3007));
        as(token).post("/api/v1/timers/" + timer + "/resume").then().statusCode(200)
                .body("state", equalTo("RUNNING"));
        clock.advance(Duration.ofSeconds(593));
        as(token).post("/api/v1/timers/" + timer + "/stop").then().statusCode(200)
                .body("timer.state", equalTo("STOPPED"))
                .body("timer.elapsedSeconds", equalTo(3600))
                .body("entry.durationSeconds", equalTo(3600))
                .body("entry.status", equalTo("DRAFT"))
                .body("entry.note", equalTo("Research"))
                .body("entry.pendingMatterReference", equalTo("00042"));
        as(token).get("/api/v1/timers").then().statusCode(200).body("size()", equalTo(0));
        as(token).post("/api/v1/timers/" + timer + "/stop").then().statusCode(409);
    }

    @Test
    void aTimerForAnExistingDraftExtendsIt() {
        String token = lawyer(uniqueFirm(), "dana");
        String entry = create(token, Map.of("durationSeconds", 600, "note", "Drafting")).path("id");
        clock.freeze();
        String timer = as(token).body(Map.of("entryId", entry)).post("/api/v1/timers").then().statusCode(201)
                .extract().path("id");
        clock.advance(Duration.ofSeconds(1234));
        as(token).post("/api/v1/timers/" + timer + "/stop").then().statusCode(200)
                .body("entry.id", equalTo(entry)).body("entry.durationSeconds", equalTo(1834));
        as(token).get("/api/v1/time-entries/" + entry + "/audit").then()
                .body("action", equalTo(List.of("CREATED", "EXTENDED_BY_TIMER")))
                .body("[1].details.timerSeconds", equalTo(1234));
    }

    @Test
    void oneRunningTimerPerUserUnlessTheFirmAllowsMore() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        String first = as(token).body(Map.of()).post("/api/v1/timers").then().statusCode(201).extract().path("id");
        as(token).body(Map.of()).post("/api/v1/timers").then().statusCode(409)
                .contentType("application/problem+json");
        // Another user of the firm is not affected.
        as(lawyer(firm, "sam")).body(Map.of()).post("/api/v1/timers").then().statusCode(201);
        // A paused timer does not count; resuming it while another runs does.
        as(token).post("/api/v1/timers/" + first + "/pause").then().statusCode(200);
        as(token).body(Map.of()).post("/api/v1/timers").then().statusCode(201);
        as(token).post("/api/v1/timers/" + first + "/resume").then().statusCode(409);

        as(TestTokens.firmAdmin(firm, "boss")).header("If-Match", "\"0\"").body(Map.of("roundingIncrementMinutes", 6,
                "roundingDirection", "UP", "allowClosedMatters", false, "maxRunningTimers", 2))
                .put("/api/v1/firm-settings").then().statusCode(200);
        as(token).post("/api/v1/timers/" + first + "/resume").then().statusCode(200)
                .body("runningSince", org.hamcrest.Matchers.notNullValue());
        as(token).get("/api/v1/timers").then().body("size()", equalTo(2)).body("[0].stoppedAt", nullValue());
    }
}
