package com.caseclock.timeentry.restart;

import static com.caseclock.timeentry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.caseclock.timeentry.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * After the restart: the timer started by {@link TimerSurvivesRestartPhase1Test} in the previous application
 * instance is still running and stopping it gives a draft with the whole elapsed time. Skipped when run without
 * Phase1 (e.g. {@code -Dtest=...Phase2Test}).
 */
@QuarkusTest
@TestProfile(TimerRestartProfiles.Phase2.class)
class TimerSurvivesRestartPhase2Test {

    @Inject
    AppStart appStart;

    @Test
    void stopTheTimerAfterTheRestart() {
        String token = Api.lawyer(TimerRestartProfiles.FIRM, TimerRestartProfiles.USER);
        List<String> running = as(token).get("/api/v1/timers").then().statusCode(200).extract().jsonPath()
                .getList("id");
        Assumptions.assumeTrue(running.size() == 1, "Phase1 did not run in this JVM");
        Instant startedAt = Instant.parse(as(token).get("/api/v1/timers/" + running.get(0)).then().extract()
                .path("startedAt"));
        assertThat(startedAt).as("started by the previous application instance").isBefore(appStart.startedAt());

        JsonPath stop = as(token).post("/api/v1/timers/" + running.get(0) + "/stop").then().statusCode(200)
                .extract().jsonPath();
        Instant stoppedAt = Instant.parse(stop.getString("timer.stoppedAt"));
        long expected = Duration.between(startedAt, stoppedAt).getSeconds();
        assertThat(stoppedAt).isAfter(appStart.startedAt());
        assertThat(stop.getLong("entry.durationSeconds")).isEqualTo(expected).isPositive();
        assertThat(stop.getString("entry.note")).isEqualTo("Across a restart");
        assertThat(stop.getString("entry.status")).isEqualTo("DRAFT");
    }
}
