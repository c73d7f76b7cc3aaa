package com.caseclock.cliosandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.caseclock.cliosandbox.oauth.TokenResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest {
    static final String REDIRECT = "http://127.0.0.1:9/cb";
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    ClioSandbox clio;
    TestClient client;

    @BeforeEach
    void start() {
        clio = ClioSandbox.builder().seed(Fixtures.seed()).clock(clock).accessTokenTtl(Duration.ofSeconds(2)).build().start();
        client = new TestClient(clio.baseUrl());
    }

    @AfterEach
    void stop() {
        clio.stop();
    }

    private String authorizeCode(String extra) {
        TestClient.Resp r = client.get("/oauth/authorize?response_type=code&client_id=app&redirect_uri=" + TestClient.q(REDIRECT)
                + "&state=s%201" + extra);
        assertThat(r.status()).isEqualTo(302);
        URI location = URI.create(r.header("Location"));
        assertThat(location.getRawQuery()).contains("state=s+1");
        return location.getRawQuery().replaceAll(".*code=([^&]+).*", "$1");
    }

    private JsonNode exchange(String code) {
        TestClient.Resp r = client.form("/oauth/token", Map.of("grant_type", "authorization_code", "client_id", "app",
                "client_secret", "secret", "code", code, "redirect_uri", REDIRECT));
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    @Test
    void authorizationCodeFlowGivesTokensForTheConsentingUser() {
        JsonNode tokens = exchange(authorizeCode("&sandbox_firm=firm-a&sandbox_user=11"));
        assertThat(tokens.path("token_type").asText()).isEqualTo("bearer");
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(2);
        assertThat(tokens.path("refresh_token").asText()).startsWith("us-");
        TestClient.Resp me = client.token(tokens.path("access_token").asText()).get("/api/v4/users/who_am_i.json?fields=id,name");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("data").path("id").asLong()).isEqualTo(Fixtures.BOB);
        assertThat(me.json().path("data").path("name").asText()).isEqualTo("Bob Núñez");
    }

    @Test
    void codeIsSingleUse() {
        String code = authorizeCode("&sandbox_firm=firm-a");
        exchange(code);
        TestClient.Resp again = client.form("/oauth/token", Map.of("grant_type", "authorization_code", "client_id", "app",
                "client_secret", "secret", "code", code, "redirect_uri", REDIRECT));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void consentPageAllowsAndDenies() {
        TestClient.Resp page = client.get("/oauth/authorize?response_type=code&client_id=app&redirect_uri=" + TestClient.q(REDIRECT));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Alice O&#39;Hara").contains("Allow access");
        TestClient.Resp deny = client.form("/oauth/authorize", Map.of("client_id", "app", "redirect_uri", REDIRECT,
                "state", "x", "decision", "deny"));
        assertThat(deny.status()).isEqualTo(302);
        assertThat(deny.header("Location")).isEqualTo(REDIRECT + "?error=access_denied&state=x");
        TestClient.Resp allow = client.form("/oauth/authorize", Map.of("client_id", "app", "redirect_uri", REDIRECT,
                "decision", "allow", "subject", "firm-a:" + Fixtures.CAROL));
        assertThat(allow.header("Location")).startsWith(REDIRECT + "?code=");
    }

    @Test
    void unregisteredRedirectUriIsRefused() {
        TestClient.Resp r = client.get("/oauth/authorize?response_type=code&client_id=app&redirect_uri="
                + TestClient.q("http://evil.example/cb") + "&sandbox_firm=firm-a");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Location")).isNull();
    }

    @Test
    void accessTokenExpiresPerExpiresInAndRefreshTokenKeepsWorking() {
        JsonNode tokens = exchange(authorizeCode("&sandbox_firm=firm-a"));
        String refresh = tokens.path("refresh_token").asText();
        client.token(tokens.path("access_token").asText());
        assertThat(client.get("/api/v4/users/who_am_i.json").status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(2));
        TestClient.Resp expired = client.get("/api/v4/users/who_am_i.json");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json()).isEqualTo(TestClient.JSON.valueToTree(Map.of("error", "invalid_token",
                "error_description", "The access token provided is expired, revoked, malformed or invalid for other reasons.")));
        assertThat(expired.header("WWW-Authenticate")).contains("invalid_token");

        for (int i = 0; i < 2; i++) {
            TestClient.Resp refreshed = new TestClient(clio.baseUrl()).form("/oauth/token", Map.of("grant_type", "refresh_token",
                    "client_id", "app", "client_secret", "secret", "refresh_token", refresh));
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.json().path("refresh_token").asText()).as("no rotation").isEqualTo(refresh);
            client.token(refreshed.json().path("access_token").asText());
            assertThat(client.get("/api/v4/users/who_am_i.json").status()).isEqualTo(200);
        }
    }

    @Test
    void wrongClientSecretIsRejected() {
        TestClient.Resp r = client.form("/oauth/token", Map.of("grant_type", "refresh_token", "client_id", "app",
                "client_secret", "nope", "refresh_token", "x"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void deauthorizeRevokesAccessAndRefreshTokens() {
        JsonNode tokens = exchange(authorizeCode("&sandbox_firm=firm-a"));
        String access = tokens.path("access_token").asText();
        client.token(access);
        TestClient.Resp r = client.form("/oauth/deauthorize", Map.of("token", access));
        assertThat(r.status()).isEqualTo(200);
        assertThat(client.get("/api/v4/matters.json").status()).isEqualTo(401);
        TestClient.Resp refresh = client.form("/oauth/token", Map.of("grant_type", "refresh_token", "client_id", "app",
                "client_secret", "secret", "refresh_token", tokens.path("refresh_token").asText()));
        assertThat(refresh.status()).isEqualTo(400);
    }

    @Test
    void adminRevocationAndGarbageTokensGive401() {
        TokenResponse t = clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE);
        client.token(t.accessToken());
        assertThat(client.get("/api/v4/matters").status()).isEqualTo(200);
        clio.admin().revokeFirmTokens(Fixtures.FIRM_A);
        assertThat(client.get("/api/v4/matters").status()).isEqualTo(401);
        assertThat(client.token("garbage").get("/api/v4/matters").json().path("error").asText()).isEqualTo("invalid_token");
        client.token(null);
        assertThat(client.get("/api/v4/matters").status()).isEqualTo(401);
    }

    @Test
    void tokenFromAnotherRegionIsRejected() {
        TokenResponse usToken = clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE);
        try (ClioSandbox eu = ClioSandbox.builder().seed(Fixtures.seed()).region(Region.EU).build().start()) {
            TestClient euClient = new TestClient(eu.baseUrl()).token(usToken.accessToken());
            TestClient.Resp r = euClient.get("/api/v4/users/who_am_i.json");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().path("error").asText()).isEqualTo("invalid_token");
            TokenResponse euToken = eu.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE);
            assertThat(euToken.accessToken()).startsWith("eu-");
            assertThat(euClient.token(euToken.accessToken()).get("/api/v4/users/who_am_i.json").status()).isEqualTo(200);
        }
    }

    @Test
    void apiVersionHeaderIsEchoedAndRetiredVersionsAnswer410() {
        client.token(clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE).accessToken());
        TestClient.Resp dflt = client.get("/api/v4/users/who_am_i.json");
        assertThat(dflt.header("X-API-VERSION")).isEqualTo("4.0.13");
        TestClient.Resp pinned = client.get("/api/v4/users/who_am_i.json", Map.of("X-API-VERSION", "4.0.9"));
        assertThat(pinned.header("X-API-VERSION")).isEqualTo("4.0.9");
        TestClient.Resp retired = client.get("/api/v4/users/who_am_i.json", Map.of("X-API-VERSION", "4.0.3"));
        assertThat(retired.status()).isEqualTo(410);
        assertThat(retired.json().path("error").path("type").asText()).isEqualTo("Gone");
        assertThat(client.get("/api/v4/users/who_am_i.json", Map.of("X-API-VERSION", "banana")).status()).isEqualTo(410);
    }
}
