package com.caseclock.timeentry.restart;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Two profiles whose only purpose is to make Quarkus stop the application after {@link TimerSurvivesRestartPhase1Test}
 * and start a fresh one for {@link TimerSurvivesRestartPhase2Test}; both use the {@link StableDatabase}. Quarkus runs
 * profile-less test classes first, then profiled classes ordered by profile class name, so Phase1 runs before Phase2.
 */
public final class TimerRestartProfiles {

    /** Firm of the restart scenario. */
    static final String FIRM = "firm-timer-restart";
    /** User of the restart scenario. */
    static final String USER = "restart-user";

    private TimerRestartProfiles() {
    }

    /** Application instance before the restart. */
    public static class Phase1 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", StableDatabase.jdbcUrl(),
                    "quarkus.datasource.username", StableDatabase.user(),
                    "quarkus.datasource.password", StableDatabase.password());
        }
    }

    /** Application instance after the restart. */
    public static class Phase2 extends Phase1 {
    }
}
