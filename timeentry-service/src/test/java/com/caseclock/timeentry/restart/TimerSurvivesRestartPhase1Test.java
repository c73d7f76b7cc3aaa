package com.caseclock.timeentry.restart;

import static com.caseclock.timeentry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.caseclock.timeentry.support.Api;
import com.caseclock.timeentry.support.Db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Before the restart: a timer is started (see {@link TimerSurvivesRestartPhase2Test}). */
@QuarkusTest
@TestProfile(TimerRestartProfiles.Phase1.class)
class TimerSurvivesRestartPhase1Test {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void startATimerBeforeTheRestart() {
        assertThat(Db.count(dataSource, "SELECT count(*) FROM pg_database WHERE datname = current_database()"
                + " AND datname = ?", StableDatabase.name())).as("runs on the stable database").isEqualTo(1);
        String token = Api.lawyer(TimerRestartProfiles.FIRM, TimerRestartProfiles.USER);
        as(token).body(Map.of("note", "Across a restart")).post("/api/v1/timers").then().statusCode(201)
                .body("state", equalTo("RUNNING"));
    }
}
