package com.caseclock.cliosandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatesAndActivitiesTest {
    ClioSandbox clio;
    TestClient alice;
    TestClient bob;
    TestClient carol;

    @BeforeAll
    void start() {
        clio = ClioSandbox.builder().seed(Fixtures.seed()).rateLimitPerMinute(0).build().start();
        alice = client(Fixtures.ALICE);
        bob = client(Fixtures.BOB);
        carol = client(Fixtures.CAROL);
    }

    private TestClient client(long user) {
        return new TestClient(clio.baseUrl()).token(clio.admin().issueToken("app", Fixtures.FIRM_A, user).accessToken());
    }

    @AfterAll
    void stop() {
        clio.stop();
    }

    /** Creates a one-hour TimeEntry without price (unless given) and returns the created activity. */
    JsonNode entry(TestClient c, long matter, Long description, Double price, int seconds) {
        StringBuilder body = new StringBuilder("{\"data\":{\"type\":\"TimeEntry\",\"date\":\"2026-01-05\",\"quantity\":")
                .append(seconds).append(",\"matter\":{\"id\":").append(matter).append('}');
        if (description != null) body.append(",\"activity_description\":{\"id\":").append(description).append('}');
        if (price != null) body.append(",\"price\":").append(price);
        body.append(",\"note\":\"Drafted O'Neil & Co. memo\"}}");
        TestClient.Resp r = c.post("/api/v4/activities.json?fields=" + TestClient.q(
                "id,etag,type,date,quantity,rounded_quantity,quantity_in_hours,price,total,flat_rate,note,billed,user{id},matter{id}"),
                body.toString());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("data");
    }

    @Nested
    class Precedence {
        @Test
        void layer1PriceOnTheEntryWins() {
            JsonNode a = entry(alice, Fixtures.HOURLY, Fixtures.COURT, 99.0, 3600);
            assertThat(a.path("price").asDouble()).isEqualTo(99.0);
            assertThat(a.path("total").asDouble()).isEqualTo(99.0);
        }

        @Test
        void layer2FlatRateMatterAndFlatActivityDescription() {
            JsonNode flatMatter = entry(alice, Fixtures.FLAT, Fixtures.FILING, null, 7200);
            assertThat(flatMatter.path("price").asDouble()).isEqualTo(5000.0);
            assertThat(flatMatter.path("flat_rate").asBoolean()).isTrue();
            assertThat(flatMatter.path("total").asDouble()).as("flat: independent of time").isEqualTo(5000.0);
            JsonNode flatActivity = entry(alice, Fixtures.HOURLY, Fixtures.FILING, null, 600);
            assertThat(flatActivity.path("price").asDouble()).as("flat activity beats matter hourly rate").isEqualTo(750.0);
            assertThat(flatActivity.path("total").asDouble()).isEqualTo(750.0);
        }

        @Test
        void layer3MatterRateForUserOrHighestGroup() {
            assertThat(entry(alice, Fixtures.HOURLY, null, null, 3600).path("price").asDouble()).isEqualTo(425.0);
            assertThat(entry(bob, Fixtures.HOURLY, null, null, 3600).path("price").asDouble())
                    .as("Bob is in Litigation (380) and Corporate (390): highest wins").isEqualTo(390.0);
            assertThat(entry(alice, Fixtures.HOURLY, Fixtures.COURT, null, 3600).path("price").asDouble())
                    .as("matter rate beats activity custom rate").isEqualTo(425.0);
        }

        @Test
        void layer4ClientRate() {
            JsonNode a = entry(alice, Fixtures.RATED, Fixtures.COURT, null, 1800);
            assertThat(a.path("price").asDouble()).as("client rate beats activity custom rate").isEqualTo(275.0);
            assertThat(a.path("total").asDouble()).isEqualTo(137.5);
        }

        @Test
        void layer5ActivityDescriptionCustomRate() {
            assertThat(entry(alice, Fixtures.MATTER, Fixtures.COURT, null, 3600).path("price").asDouble()).isEqualTo(450.0);
        }

        @Test
        void layer6UserDefaultRate() {
            assertThat(entry(alice, Fixtures.MATTER, null, null, 3600).path("price").asDouble()).isEqualTo(200.0);
            assertThat(entry(bob, Fixtures.MATTER, Fixtures.RESEARCH, null, 3600).path("price").asDouble()).isEqualTo(150.0);
            assertThat(entry(carol, Fixtures.MATTER, null, null, 3600).path("price").asDouble()).isEqualTo(0.0);
        }

        @Test
        void rateForEndpointReportsTheWinningLevel() {
            TestClient.Resp r = alice.get("/api/v4/activity_descriptions.json?rate_for[matter_id]=" + Fixtures.HOURLY
                    + "&rate_for[user_id]=" + Fixtures.BOB + "&fields=" + TestClient.q("id,name,rate"));
            assertThat(r.status()).isEqualTo(200);
            Map<String, String> byName = new HashMap<>();
            r.json().path("data").forEach(d -> byName.put(d.path("name").asText(),
                    d.path("rate").path("amount").asDouble() + "/" + d.path("rate").path("hierarchy").asText()));
            assertThat(byName).containsEntry("Research", "390.0/Matter").containsEntry("Court appearance", "390.0/Matter")
                    .containsEntry("Fixed-fee filing", "750.0/Activity");
            JsonNode plain = alice.get("/api/v4/activity_descriptions.json?rate_for[matter_id]=" + Fixtures.MATTER
                    + "&fields=" + TestClient.q("name,rate")).json().path("data");
            assertThat(plain.get(0).path("rate").path("hierarchy").asText()).isEqualTo("Default");
            assertThat(plain.get(0).path("rate").path("amount").asDouble()).isEqualTo(200.0);
            assertThat(plain.get(1).path("rate").path("hierarchy").asText()).isEqualTo("Activity");
            JsonNode client = alice.get("/api/v4/activity_descriptions.json?rate_for[matter_id]=" + Fixtures.RATED
                    + "&fields=" + TestClient.q("name,rate")).json().path("data");
            assertThat(client.get(0).path("rate").path("hierarchy").asText()).isEqualTo("Client");
        }
    }

    @Test
    void roundingAppliesToRoundedQuantityAndTotal() {
        clio.admin().setRounding(Fixtures.FIRM_A, 6);
        try {
            JsonNode a = entry(alice, Fixtures.MATTER, null, null, 1000);
            assertThat(a.path("quantity").asDouble()).isEqualTo(1000.0);
            assertThat(a.path("rounded_quantity").asDouble()).isEqualTo(1080.0);
            assertThat(a.path("total").asDouble()).isEqualTo(60.0);
        } finally {
            clio.admin().setRounding(Fixtures.FIRM_A, 0);
        }
    }

    @Test
    void userDefaultsToTheTokenUserAndRelinkingReappliesTheHierarchy() {
        JsonNode a = entry(bob, Fixtures.MATTER, null, null, 3600);
        assertThat(a.path("user").path("id").asLong()).isEqualTo(Fixtures.BOB);
        long id = a.path("id").asLong();
        TestClient.Resp moved = bob.patch("/api/v4/activities/" + id + ".json?fields=price,matter{id}",
                "{\"data\":{\"matter\":{\"id\":" + Fixtures.HOURLY + "}}}");
        assertThat(moved.json().path("data").path("price").asDouble()).isEqualTo(390.0);
        TestClient.Resp noted = bob.patch("/api/v4/activities/" + id + ".json?fields=price,note", "{\"data\":{\"note\":\"x\"}}");
        assertThat(noted.json().path("data").path("price").asDouble()).isEqualTo(390.0);
    }

    @Test
    void billedActivityRefusesChanges() {
        long id = entry(alice, Fixtures.MATTER, null, null, 3600).path("id").asLong();
        clio.admin().markBilled(id);
        TestClient.Resp patch = alice.patch("/api/v4/activities/" + id + ".json", "{\"data\":{\"quantity\":60}}");
        assertThat(patch.status()).isEqualTo(422);
        assertThat(patch.json().path("error").path("message").asText()).contains("bill");
        assertThat(alice.delete("/api/v4/activities/" + id + ".json").status()).isEqualTo(422);
        JsonNode shown = alice.get("/api/v4/activities/" + id + ".json?fields=billed,on_bill,bill").json().path("data");
        assertThat(shown.path("billed").asBoolean()).isTrue();
        assertThat(shown.path("bill").path("id").asLong()).isPositive();
        assertThat(alice.get("/api/v4/activities.json?status=billed&fields=id").json().path("data"))
                .extracting(n -> n.path("id").asLong()).contains(id);
    }

    @Test
    void listFiltersAndDelete() {
        long id = entry(carol, Fixtures.RATED, null, 10.0, 60).path("id").asLong();
        JsonNode list = carol.get("/api/v4/activities.json?matter_id=" + Fixtures.RATED + "&user_id=" + Fixtures.CAROL
                + "&fields=id,user{id}").json().path("data");
        assertThat(list).extracting(n -> n.path("id").asLong()).containsExactly(id);
        assertThat(carol.get("/api/v4/activities.json?query=" + TestClient.q("o'neil") + "&fields=id").json().path("data").size())
                .isPositive();
        assertThat(clio.admin().activities(Fixtures.FIRM_A)).anyMatch(m -> ((Number) m.get("id")).longValue() == id);
        assertThat(carol.delete("/api/v4/activities/" + id).status()).isEqualTo(204);
        assertThat(carol.get("/api/v4/activities/" + id).status()).isEqualTo(404);
        assertThat(carol.post("/api/v4/activities.json", "{\"data\":{\"type\":\"TimeEntry\"}}").status()).isEqualTo(422);
    }

    @Test
    void ratesEndpointsCrud() {
        TestClient.Resp created = alice.post("/api/v4/activity_rates.json?fields=" + TestClient.q("id,rate,contact_id,user{id}"),
                "{\"data\":{\"contact_id\":" + Fixtures.PERSON + ",\"rate\":333,\"user\":{\"id\":" + Fixtures.CAROL + "}}}");
        assertThat(created.status()).isEqualTo(201);
        long rateId = created.json().path("data").path("id").asLong();
        assertThat(entry(carol, Fixtures.MATTER, null, null, 3600).path("price").asDouble()).isEqualTo(333.0);
        assertThat(entry(alice, Fixtures.MATTER, null, null, 3600).path("price").asDouble()).as("other user").isEqualTo(200.0);
        assertThat(alice.get("/api/v4/activity_rates.json?contact_id=" + Fixtures.PERSON + "&fields=id").json().path("data").size())
                .isEqualTo(1);
        assertThat(alice.delete("/api/v4/activity_rates/" + rateId + ".json").status()).isEqualTo(204);
        TestClient.Resp desc = alice.post("/api/v4/activity_descriptions.json?fields=" + TestClient.q("id,name,rate"),
                "{\"data\":{\"name\":\"Déposition\",\"rate\":{\"type\":\"Custom\",\"amount\":512}}}");
        assertThat(desc.status()).isEqualTo(201);
        assertThat(desc.json().path("data").path("rate").path("amount").asDouble()).isEqualTo(512.0);
        long own = ((Number) clio.admin().createMatter(Fixtures.FIRM_A, Map.of("description", "Own", "client",
                Map.of("id", Fixtures.PERSON))).get("id")).longValue();
        TestClient.Resp matterPatch = alice.patch("/api/v4/matters/" + own + ".json?fields=" + TestClient.q("custom_rate{type}"),
                "{\"data\":{\"custom_rate\":{\"type\":\"HourlyRate\",\"rates\":[{\"rate\":222,\"user\":{\"id\":" + Fixtures.CAROL + "}}]}}}");
        assertThat(matterPatch.status()).isEqualTo(200);
        assertThat(entry(carol, own, null, null, 3600).path("price").asDouble()).isEqualTo(222.0);
    }
}
