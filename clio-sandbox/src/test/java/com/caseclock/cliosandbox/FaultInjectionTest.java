package com.caseclock.cliosandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caseclock.cliosandbox.faults.FaultMode;
import com.caseclock.cliosandbox.faults.FaultRule;
import com.caseclock.cliosandbox.oauth.TokenResponse;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectionTest {
    ClioSandbox clio;
    TestClient c;
    TokenResponse token;

    @BeforeEach
    void start() {
        clio = ClioSandbox.builder().seed(Fixtures.seed()).rateLimitPerMinute(0).build().start();
        token = clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE);
        c = new TestClient(clio.baseUrl()).token(token.accessToken());
    }

    @AfterEach
    void stop() {
        clio.stop();
    }

    @ParameterizedTest
    @CsvSource({"HTTP_500,500", "HTTP_502,502", "HTTP_503,503"})
    void serverErrorsForTheNextNRequests(FaultMode mode, int status) {
        clio.faults().inject(mode, 2);
        assertThat(c.get("/api/v4/matters.json").status()).isEqualTo(status);
        TestClient.Resp second = c.get("/api/v4/matters.json");
        assertThat(second.status()).isEqualTo(status);
        assertThat(second.json().path("error").path("message").asText()).contains("Injected");
        assertThat(c.get("/api/v4/matters.json").status()).isEqualTo(200);
        assertThat(clio.faults().pending()).isZero();
    }

    @Test
    void rateLimitStormAnswers429WithRetryAfter() {
        clio.faults().inject(FaultRule.of(FaultMode.RATE_LIMIT_STORM, 3).withDelay(Duration.ofSeconds(7)));
        for (int i = 0; i < 3; i++) {
            TestClient.Resp r = c.get("/api/v4/matters.json");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isEqualTo("7");
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo("0");
        }
        assertThat(c.get("/api/v4/matters.json").status()).isEqualTo(200);
    }

    @Test
    void connectionResetGivesAnIoErrorWithoutResponse() {
        clio.faults().inject(FaultMode.CONNECTION_RESET, 1);
        HttpRequest req = c.builder("/api/v4/activities.json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\":{\"type\":\"TimeEntry\",\"date\":\"2026-01-05\"}}")).build();
        assertThatThrownBy(() -> c.http.send(req, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThat(clio.admin().activities(Fixtures.FIRM_A)).as("nothing was created").isEmpty();
        assertThat(clio.journal().find("POST", "/activities")).singleElement()
                .satisfies(e -> assertThat(e.status()).isZero());
        assertThat(c.get("/api/v4/matters.json").status()).isEqualTo(200);
    }

    @Test
    void delayLongerThanTheClientTimeout() {
        clio.faults().inject(FaultRule.of(FaultMode.DELAY, 1).withDelay(Duration.ofMillis(1500)));
        HttpRequest req = c.builder("/api/v4/matters.json").timeout(Duration.ofMillis(200)).GET().build();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> c.http.send(req, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1400));
        assertThat(c.get("/api/v4/matters.json").status()).isEqualTo(200);
    }

    @Test
    void revokedTokenFault() {
        clio.faults().inject(FaultMode.REVOKED_TOKEN, 1);
        TestClient.Resp r = c.get("/api/v4/matters.json");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_token");
        assertThat(c.get("/api/v4/matters.json").status()).as("the token stays revoked").isEqualTo(401);
        TestClient.Resp refreshed = c.form("/oauth/token", Map.of("grant_type", "refresh_token", "client_id", "app",
                "client_secret", "secret", "refresh_token", token.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(c.token(refreshed.json().path("access_token").asText()).get("/api/v4/matters.json").status()).isEqualTo(200);
    }

    @Test
    void rulesCanMatchAPathAndAFirm() {
        clio.faults().inject(FaultRule.of(FaultMode.HTTP_503, 1).onPath("/activities"));
        clio.faults().inject(FaultRule.of(FaultMode.HTTP_500, 1).forFirm(Fixtures.FIRM_B));
        assertThat(c.get("/api/v4/matters.json").status()).isEqualTo(200);
        assertThat(c.get("/api/v4/activities.json").status()).isEqualTo(503);
        assertThat(c.get("/api/v4/activities.json").status()).isEqualTo(200);
        TestClient b = new TestClient(clio.baseUrl()).token(clio.admin().issueToken("app", Fixtures.FIRM_B, Fixtures.B_USER).accessToken());
        assertThat(b.get("/api/v4/matters.json").status()).isEqualTo(500);
        assertThat(clio.faults().pending()).isZero();
    }

    @Test
    void oauthPathsCanFailToo() {
        clio.faults().inject(FaultRule.of(FaultMode.HTTP_502, 1).onPath("/oauth/token"));
        TestClient.Resp r = c.form("/oauth/token", Map.of("grant_type", "refresh_token", "client_id", "app",
                "client_secret", "secret", "refresh_token", token.refreshToken()));
        assertThat(r.status()).isEqualTo(502);
    }

    @Test
    void addedLatency() {
        clio.faults().latency(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThat(c.get("/api/v4/matters.json").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        clio.faults().clear();
        assertThat(clio.faults().latency()).isZero();
    }

    @Test
    void faultsOverTheAdminHttpApi() {
        TestClient admin = new TestClient(clio.baseUrl());
        TestClient.Resp r = admin.post("/_sandbox/faults", "{\"mode\":\"http_503\",\"times\":1,\"path\":\"/matters\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("pending").asInt()).isEqualTo(1);
        assertThat(c.get("/api/v4/matters.json").status()).isEqualTo(503);
        admin.post("/_sandbox/faults", "{\"mode\":\"HTTP_500\",\"times\":5}");
        assertThat(admin.delete("/_sandbox/faults").status()).isEqualTo(204);
        assertThat(c.get("/api/v4/matters.json").status()).isEqualTo(200);
        assertThat(admin.get("/_sandbox/faults").json().path("pending").asInt()).isZero();
    }
}
