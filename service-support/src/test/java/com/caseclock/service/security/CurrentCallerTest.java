package com.caseclock.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import com.caseclock.service.problem.ProblemException;

/** Claims of an already verified token → the caller, and the refusals for tokens that lack what CaseClock needs. */
class CurrentCallerTest {

    @Test
    void readsFirmUserRolesAndZone() {
        Caller caller = caller(Map.of("firm_id", "harbor-pine", "sub", "dana", "zoneinfo", "America/Los_Angeles"),
                Set.of("lawyer", "unknown-group"));
        assertThat(caller.firmId()).isEqualTo("harbor-pine");
        assertThat(caller.userId()).isEqualTo("dana");
        assertThat(caller.roles()).containsExactly(Role.LAWYER);
        assertThat(caller.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    }

    @Test
    void refusesTokensWithoutWhatCaseClockNeeds() {
        assertForbidden(Map.of("sub", "dana"), Set.of("lawyer"), "firm_id");
        assertForbidden(Map.of("firm_id", 42L, "sub", "dana"), Set.of("lawyer"), "not text");
        assertForbidden(Map.of("firm_id", "harbor\u0000pine", "sub", "dana"), Set.of("lawyer"), "control");
        assertForbidden(Map.of("firm_id", "harbor-pine", "sub", "dana"), Set.of("admin"), "no CaseClock role");
        assertForbidden(Map.of("firm_id", "harbor-pine", "sub", "dana", "zoneinfo", "Mars/Olympus"),
                Set.of("lawyer"), "zoneinfo");
    }

    private static void assertForbidden(Map<String, Object> claims, Set<String> groups, String reason) {
        assertThatThrownBy(() -> caller(claims, groups)).isInstanceOf(ProblemException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
    }

    private static Caller caller(Map<String, Object> claims, Set<String> groups) {
        CurrentCaller current = new CurrentCaller();
        current.token = new Token(new HashMap<>(claims), groups);
        return current.get();
    }

    /** A verified token's claims as quarkus-oidc exposes them. */
    private record Token(Map<String, Object> claims, Set<String> groups) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        public String getRawToken() {
            return "raw";
        }

        @Override
        public String getSubject() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getGroups() {
            return groups;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
