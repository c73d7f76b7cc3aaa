package com.caseclock.cliosandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.caseclock.cliosandbox.webhooks.WebhookSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    ClioSandbox clio;
    TestClient c;
    WebhookReceiver receiver;

    @BeforeEach
    void start() {
        clio = ClioSandbox.builder().seed(Fixtures.seed()).clock(clock).rateLimitPerMinute(0)
                .webhookSettings(new WebhookSettings(Duration.ofMillis(20), 5, Duration.ofSeconds(2))).build().start();
        c = new TestClient(clio.baseUrl()).token(clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE).accessToken());
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        clio.stop();
        receiver.close();
    }

    private JsonNode create(String model, String fields) {
        TestClient.Resp r = c.post("/api/v4/webhooks.json?fields=" + TestClient.q("id,status,shared_secret,expires_at,events,model"),
                "{\"data\":{\"url\":\"" + receiver.url() + "\",\"model\":\"" + model + "\",\"fields\":\"" + fields + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("data");
    }

    private String status(long id) {
        return c.get("/api/v4/webhooks/" + id + ".json?fields=status").json().path("data").path("status").asText();
    }

    private JsonNode createEnabled(String model, String fields) {
        JsonNode w = create(model, fields);
        await().atMost(5, TimeUnit.SECONDS).until(() -> status(w.path("id").asLong()).equals("enabled"));
        return w;
    }

    @Test
    void handshakeEchoEnablesTheWebhook() throws InterruptedException {
        JsonNode w = create("matter", "id,etag");
        assertThat(w.path("status").asText()).isEqualTo("pending");
        assertThat(w.path("events")).extracting(JsonNode::asText).containsExactly("created", "updated", "deleted");
        WebhookReceiver.Received hs = receiver.handshakes.poll(5, TimeUnit.SECONDS);
        assertThat(hs).isNotNull();
        assertThat(hs.hookSecret()).isEqualTo(w.path("shared_secret").asText());
        assertThat(hs.json().path("webhook_id").asLong()).isEqualTo(w.path("id").asLong());
        await().atMost(5, TimeUnit.SECONDS).until(() -> status(w.path("id").asLong()).equals("enabled"));
    }

    @Test
    void delayedActivationWithTheSecret() throws InterruptedException {
        receiver.echoSecret = false;
        JsonNode w = create("contact", "id");
        long id = w.path("id").asLong();
        assertThat(receiver.handshakes.poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(status(id)).isEqualTo("pending");
        assertThat(c.put("/api/v4/webhooks/" + id + "/activate", "", Map.of("X-Hook-Secret", "wrong")).status()).isEqualTo(422);
        TestClient.Resp ok = c.put("/api/v4/webhooks/" + id + "/activate?fields=status", "",
                Map.of("X-Hook-Secret", w.path("shared_secret").asText()));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("data").path("status").asText()).isEqualTo("enabled");
    }

    @Test
    void signedDeliveriesOfCreatedUpdatedDeletedMatters() throws InterruptedException {
        JsonNode w = createEnabled("matter", "id,etag,description,status");
        String secret = w.path("shared_secret").asText();
        long webhookId = w.path("id").asLong();

        long matterId = ((Number) clio.admin().createMatter(Fixtures.FIRM_A,
                Map.of("description", "Hooked O'Neil & Co", "client", Map.of("id", Fixtures.PERSON))).get("id")).longValue();
        WebhookReceiver.Received created = receiver.next();
        assertThat(created.signedWith(secret)).isTrue();
        assertThat(created.signedWith("another-secret")).isFalse();
        JsonNode payload = created.json();
        assertThat(payload.path("meta").path("event").asText()).isEqualTo("created");
        assertThat(payload.path("meta").path("webhook_id").asLong()).isEqualTo(webhookId);
        assertThat(payload.path("data").fieldNames()).toIterable().containsExactly("id", "etag", "description", "status");
        assertThat(payload.path("data").path("description").asText()).isEqualTo("Hooked O'Neil & Co");
        assertThat(payload.path("data").path("etag").asText()).startsWith("\"");

        clio.admin().updateMatter(Fixtures.FIRM_A, matterId, Map.of("location", "Cork")); // etag changes: fires
        assertThat(receiver.next().json().path("meta").path("event").asText()).isEqualTo("updated");

        c.patch("/api/v4/matters/" + matterId + ".json", "{\"data\":{\"status\":\"closed\"}}");
        WebhookReceiver.Received updated = receiver.next();
        assertThat(updated.signedWith(secret)).isTrue();
        assertThat(updated.json().path("data").path("status").asText()).isEqualTo("Closed");

        c.delete("/api/v4/matters/" + matterId + ".json");
        JsonNode deleted = receiver.next().json();
        assertThat(deleted.path("meta").path("event").asText()).isEqualTo("deleted");
        assertThat(deleted.path("data").path("id").asLong()).isEqualTo(matterId);
    }

    @Test
    void updatedFiresOnlyWhenASubscribedFieldChanges() throws InterruptedException {
        createEnabled("contact", "id,name");
        clio.admin().updateContact(Fixtures.FIRM_A, Fixtures.PERSON, Map.of("title", "Dr"));
        assertThat(receiver.next().json().path("meta").path("event").asText()).as("first update of an unseen record")
                .isEqualTo("updated");
        clio.admin().updateContact(Fixtures.FIRM_A, Fixtures.PERSON, Map.of("title", "Prof"));
        clio.admin().updateContact(Fixtures.FIRM_A, Fixtures.PERSON, Map.of("last_name", "Ó Súilleabháin"));
        JsonNode next = receiver.next().json();
        assertThat(next.path("data").path("name").asText()).isEqualTo("Siobhán Ó Súilleabháin");
        assertThat(receiver.deliveries.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void expiryDefaultsMaximumAndRenewal() throws InterruptedException {
        JsonNode w = createEnabled("matter", "id");
        long id = w.path("id").asLong();
        assertThat(Instant.parse(w.path("expires_at").asText().replace("+00:00", "Z")))
                .isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        TestClient.Resp tooLong = c.post("/api/v4/webhooks.json", "{\"data\":{\"url\":\"" + receiver.url()
                + "\",\"model\":\"matter\",\"fields\":\"id\",\"expires_at\":\"" + clock.instant().plus(Duration.ofDays(32)) + "\"}}");
        assertThat(tooLong.status()).isEqualTo(422);
        TestClient.Resp notHttps = c.post("/api/v4/webhooks.json",
                "{\"data\":{\"url\":\"http://example.com/hook\",\"model\":\"matter\",\"fields\":\"id\"}}");
        assertThat(notHttps.status()).isEqualTo(422);

        clock.advance(Duration.ofDays(2));
        String renewed = clock.instant().plus(Duration.ofDays(31)).toString();
        assertThat(c.patch("/api/v4/webhooks/" + id + ".json", "{\"data\":{\"expires_at\":\"" + renewed + "\"}}").status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.MATTER, Map.of("location", "still alive"));
        assertThat(receiver.next().json().path("data").path("id").asLong()).isEqualTo(Fixtures.MATTER);

        clock.advance(Duration.ofDays(30));
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.MATTER, Map.of("location", "expired"));
        assertThat(receiver.deliveries.poll(300, TimeUnit.MILLISECONDS)).isNull();
        c.token(clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE).accessToken()); // 30-day token lapsed too
        assertThat(c.get("/api/v4/webhooks/" + id + ".json").status()).isEqualTo(404);
    }

    @Test
    void failedDeliveriesAreRetriedWithBackoff() throws InterruptedException {
        createEnabled("matter", "id");
        receiver.script(500, 503);
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.MATTER, Map.of("location", "retry"));
        WebhookReceiver.Received first = receiver.next();
        WebhookReceiver.Received second = receiver.next();
        WebhookReceiver.Received third = receiver.next();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(third.signature()).isEqualTo(first.signature());
        assertThat(receiver.deliveries.poll(300, TimeUnit.MILLISECONDS)).as("success stops retries").isNull();
        assertThat(clio.admin().webhookDeliveries()).filteredOn(d -> !d.kind().equals("handshake"))
                .extracting(d -> d.attempt() + ":" + d.status()).containsExactly("1:500", "2:503", "3:200");
    }

    @Test
    void persistentFailureSuspendsAfterFiveRetriesAnd410SuspendsAtOnce() throws InterruptedException {
        JsonNode w = createEnabled("matter", "id");
        receiver.script(500, 500, 500, 500, 500, 500);
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.MATTER, Map.of("location", "fail"));
        for (int i = 0; i < 6; i++) receiver.next();
        await().atMost(5, TimeUnit.SECONDS).until(() -> status(w.path("id").asLong()).equals("suspended"));
        assertThat(receiver.deliveries.poll(200, TimeUnit.MILLISECONDS)).isNull();

        JsonNode w2 = createEnabled("contact", "id");
        receiver.script(410);
        clio.admin().updateContact(Fixtures.FIRM_A, Fixtures.PERSON, Map.of("title", "Dr"));
        receiver.next();
        await().atMost(5, TimeUnit.SECONDS).until(() -> status(w2.path("id").asLong()).equals("suspended"));
    }

    @Test
    void pausedDeliveriesAreSentOnResume() throws InterruptedException {
        createEnabled("matter", "id");
        clio.faults().pauseWebhooks();
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.MATTER, Map.of("location", "paused"));
        assertThat(receiver.deliveries.poll(300, TimeUnit.MILLISECONDS)).isNull();
        clio.faults().resumeWebhooks();
        assertThat(receiver.next().json().path("meta").path("event").asText()).isEqualTo("updated");
    }

    @Test
    void matterStatusEvents() throws InterruptedException {
        TestClient.Resp r = c.post("/api/v4/webhooks.json?fields=id", "{\"data\":{\"url\":\"" + receiver.url()
                + "\",\"model\":1,\"fields\":\"id,status\",\"events\":[\"matter_closed\",\"matter_opened\"]}}");
        assertThat(r.status()).isEqualTo(201);
        long id = r.json().path("data").path("id").asLong();
        await().atMost(5, TimeUnit.SECONDS).until(() -> status(id).equals("enabled"));
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.MATTER, Map.of("location", "no status change"));
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.MATTER, Map.of("status", "closed"));
        JsonNode closed = receiver.next().json();
        assertThat(closed.path("meta").path("event").asText()).isEqualTo("matter_closed");
        assertThat(closed.path("data").path("status").asText()).isEqualTo("Closed");
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.MATTER, Map.of("status", "pending"));
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.MATTER, Map.of("status", "open"));
        assertThat(receiver.next().json().path("meta").path("event").asText()).isEqualTo("matter_opened");
        assertThat(receiver.deliveries.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
}
