package com.caseclock.cliosandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    ClioSandbox clio;

    @AfterEach
    void stop() {
        if (clio != null) clio.stop();
    }

    @Test
    void headersOnEveryResponseAnd429WithRetryAfter() {
        clio = ClioSandbox.builder().seed(Fixtures.seed()).clock(clock).rateLimitPerMinute(3).build().start();
        TestClient c = new TestClient(clio.baseUrl()).token(clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE).accessToken());
        long reset = clock.instant().getEpochSecond() + 60;
        for (int i = 2; i >= 0; i--) {
            TestClient.Resp r = c.get("/api/v4/matters.json");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo("3");
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(i));
            assertThat(r.header("X-RateLimit-Reset")).isEqualTo(Long.toString(reset));
        }
        clock.advance(Duration.ofSeconds(20));
        TestClient.Resp limited = c.get("/api/v4/matters.json");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("40");
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.json().path("error").path("type").asText()).isEqualTo("RateLimited");

        TestClient other = new TestClient(clio.baseUrl()).token(clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.BOB).accessToken());
        assertThat(other.get("/api/v4/matters.json").status()).as("limit is per token").isEqualTo(200);

        clock.advance(Duration.ofSeconds(40));
        TestClient.Resp again = c.get("/api/v4/matters.json");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("X-RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void defaultIsClioPeakLimitAndZeroTurnsItOff() {
        clio = ClioSandbox.builder().seed(Fixtures.seed()).clock(clock).build().start();
        TestClient c = new TestClient(clio.baseUrl()).token(clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE).accessToken());
        assertThat(c.get("/api/v4/users/who_am_i").header("X-RateLimit-Limit")).isEqualTo("50");
        assertThat(c.token("bogus").get("/api/v4/users/who_am_i").header("X-RateLimit-Limit")).as("also on 401").isEqualTo("50");
        clio.admin().rateLimitPerMinute(0);
        assertThat(c.get("/api/v4/users/who_am_i").header("X-RateLimit-Limit")).isNull();
    }
}
