package com.caseclock.cliosandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.caseclock.cliosandbox.journal.JournalEntry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournalAndAdminTest {
    ClioSandbox clio;
    TestClient c;
    TestClient admin;

    @BeforeEach
    void start() {
        clio = ClioSandbox.builder().seed(Fixtures.seed()).rateLimitPerMinute(0).build().start();
        c = new TestClient(clio.baseUrl()).token(clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE).accessToken());
        admin = new TestClient(clio.baseUrl());
    }

    @AfterEach
    void stop() {
        clio.stop();
    }

    @Test
    void journalRecordsMethodPathQueryBodyAndStatus() {
        c.get("/api/v4/matters.json?fields=id&limit=2");
        String body = "{\"data\":{\"type\":\"TimeEntry\",\"date\":\"2026-01-05\",\"quantity\":3600,\"matter\":{\"id\":50}}}";
        c.post("/api/v4/activities.json", body);
        admin.get("/_sandbox/journal");
        List<JournalEntry> entries = clio.journal().entries();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).method()).isEqualTo("GET");
        assertThat(entries.get(0).path()).isEqualTo("/api/v4/matters.json");
        assertThat(entries.get(0).queryParam("limit")).isEqualTo("2");
        assertThat(entries.get(0).status()).isEqualTo(200);
        assertThat(entries.get(0).firmKey()).isEqualTo(Fixtures.FIRM_A);
        JournalEntry post = clio.journal().find("POST", "/activities").get(0);
        assertThat(post.body()).isEqualTo(body);
        assertThat(post.status()).isEqualTo(201);

        JsonNode overHttp = admin.get("/_sandbox/journal?after=1").json().path("data");
        assertThat(overHttp.size()).isEqualTo(1);
        assertThat(overHttp.get(0).path("body").asText()).isEqualTo(body);
        assertThat(admin.delete("/_sandbox/journal").status()).isEqualTo(204);
        assertThat(clio.journal().size()).isZero();
    }

    @Test
    void adminHttpChangesClioSide() {
        TestClient.Resp created = admin.post("/_sandbox/firms/firm-a/matters",
                "{\"description\":\"Admin-made O'Brien & Co\",\"client\":{\"id\":40},\"status\":\"open\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("data").path("id").asLong();
        assertThat(c.get("/api/v4/matters/" + id + ".json?fields=description").json().path("data").path("description").asText())
                .isEqualTo("Admin-made O'Brien & Co");
        assertThat(admin.patch("/_sandbox/firms/firm-a/matters/" + id, "{\"status\":\"closed\"}").json()
                .path("data").path("status").asText()).isEqualTo("Closed");
        assertThat(admin.delete("/_sandbox/firms/firm-a/matters/" + id).status()).isEqualTo(204);
        assertThat(c.get("/api/v4/matters/" + id + ".json").status()).isEqualTo(404);

        assertThat(admin.post("/_sandbox/firms/firm-a/contacts", "{\"type\":\"Company\",\"name\":\"Ünïcode GmbH\"}").status())
                .isEqualTo(201);
        assertThat(admin.put("/_sandbox/firms/firm-a/settings/billing", "{\"rounding\":15}", java.util.Map.of()).status())
                .isEqualTo(200);
        assertThat(c.get("/api/v4/settings/billing.json?fields=rounding").json().path("data").path("rounding").asInt()).isEqualTo(15);

        long activity = c.post("/api/v4/activities.json", "{\"data\":{\"type\":\"TimeEntry\",\"date\":\"2026-01-05\",\"quantity\":60}}")
                .json().path("data").path("id").asLong();
        assertThat(admin.post("/_sandbox/activities/" + activity + "/bill", "").json().path("billed").asBoolean()).isTrue();
        assertThat(admin.get("/_sandbox/firms/firm-a/activities").json().path("data").get(0).path("billed").asBoolean()).isTrue();

        TestClient.Resp tokens = admin.post("/_sandbox/tokens", "{\"client_id\":\"app\",\"firm\":\"firm-a\",\"user_id\":11}");
        String access = tokens.json().path("access_token").asText();
        TestClient bob = new TestClient(clio.baseUrl()).token(access);
        assertThat(bob.get("/api/v4/users/who_am_i.json?fields=id").json().path("data").path("id").asLong()).isEqualTo(11);
        assertThat(admin.post("/_sandbox/tokens/revoke", "{\"token\":\"" + access + "\"}").json().path("revoked").asInt()).isEqualTo(1);
        assertThat(bob.get("/api/v4/users/who_am_i.json").status()).isEqualTo(401);
        assertThat(admin.get("/_sandbox").json().path("firms").size()).isEqualTo(2);
        assertThat(clio.journal().find("GET", "/_sandbox")).as("admin paths are not journaled").isEmpty();
    }
}
