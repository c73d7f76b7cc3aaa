package com.caseclock.cliosandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MattersAndContactsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    ClioSandbox clio;
    TestClient client;

    @BeforeEach
    void start() {
        clio = ClioSandbox.builder().seed(Fixtures.seed()).clock(clock).rateLimitPerMinute(0).build().start();
        client = new TestClient(clio.baseUrl()).token(clio.admin().issueToken("app", Fixtures.FIRM_A, Fixtures.ALICE).accessToken());
    }

    @AfterEach
    void stop() {
        clio.stop();
    }

    @Test
    void defaultFieldsAreIdAndEtag() {
        JsonNode m = client.get("/api/v4/matters/" + Fixtures.MATTER + ".json").json().path("data");
        assertThat(m.size()).isEqualTo(2);
        assertThat(m.path("id").asLong()).isEqualTo(Fixtures.MATTER);
        assertThat(m.path("etag").asText()).matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void nestedFieldsOneLevelAndDeeperIs400() {
        TestClient.Resp r = client.get("/api/v4/matters/" + Fixtures.MATTER + ".json?fields="
                + TestClient.q("id,description,status,client{id,name,type},responsible_attorney,custom_rate{type,rates}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode m = r.json().path("data");
        assertThat(m.path("status").asText()).isEqualTo("Open");
        assertThat(m.path("client").path("name").asText()).isEqualTo("Siobhán O'Reilly");
        assertThat(m.path("client").path("type").asText()).isEqualTo("Person");
        assertThat(m.path("client").has("etag")).isFalse();
        assertThat(m.path("responsible_attorney").isNull()).isTrue();
        assertThat(client.get("/api/v4/matters/" + Fixtures.HOURLY + ".json?fields=" + TestClient.q("custom_rate{type,rates}"))
                .json().path("data").path("custom_rate").path("rates").get(0).fieldNames()).toIterable()
                .containsExactly("id", "etag");
        TestClient.Resp deep = client.get("/api/v4/matters.json?fields=" + TestClient.q("id,client{id,company{name}}"));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.json().path("error").path("type").asText()).isEqualTo("ArgumentError");
        assertThat(client.get("/api/v4/matters.json?fields=id,nonsense").status()).isEqualTo(400);
    }

    @Test
    void statusFilterTakesLowerCaseAndResponsesAreCapitalised() {
        JsonNode data = client.get("/api/v4/matters.json?status=open,pending&fields=id,status").json().path("data");
        List<String> statuses = new ArrayList<>();
        data.forEach(n -> statuses.add(n.path("status").asText()));
        assertThat(statuses).containsExactly("Open", "Open", "Pending", "Open");
        assertThat(client.get("/api/v4/matters.json?status=Open").status()).isEqualTo(400);
        assertThat(client.get("/api/v4/matters.json?status=closed&fields=id").json().path("data").get(0).path("id").asLong())
                .isEqualTo(Fixtures.CONTINGENCY);
    }

    @Test
    void limitIsCappedAt200() {
        assertThat(client.get("/api/v4/matters.json?limit=201").status()).isEqualTo(400);
        assertThat(client.get("/api/v4/matters.json?limit=0").status()).isEqualTo(400);
        assertThat(client.get("/api/v4/matters.json?limit=200").status()).isEqualTo(200);
    }

    @Test
    void cursorPaginationOverSeveralPagesWithUpdatedSince() {
        Instant since = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(((Number) clio.admin().createMatter(Fixtures.FIRM_A,
                    Map.of("description", "New matter " + i, "client", Map.of("id", Fixtures.PERSON))).get("id")).longValue());
            clock.advance(Duration.ofSeconds(1));
        }
        // an older matter touched after `since` must show up too, one created before and not touched must not
        clio.admin().updateMatter(Fixtures.FIRM_A, Fixtures.HOURLY, Map.of("location", "Dublin"));

        List<Long> seen = new ArrayList<>();
        String url = "/api/v4/matters.json?limit=3&order=" + TestClient.q("id(asc)") + "&fields=id,updated_at&updated_since="
                + TestClient.q(since.toString());
        int pages = 0;
        while (url != null) {
            TestClient.Resp r = client.get(url);
            assertThat(r.status()).isEqualTo(200);
            r.json().path("data").forEach(n -> {
                seen.add(n.path("id").asLong());
                assertThat(Instant.parse(n.path("updated_at").asText().replace("+00:00", "Z"))).isAfter(since);
            });
            JsonNode next = r.json().path("meta").path("paging").path("next");
            url = next.isMissingNode() ? null : next.asText();
            if (url != null) assertThat(url).startsWith(clio.baseUrl() + "/api/v4/matters.json?").contains("page_token=");
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        List<Long> expected = new ArrayList<>();
        expected.add(Fixtures.HOURLY);
        expected.addAll(created);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void offsetPagingIsCappedAt10000() {
        TestClient.Resp r = client.get("/api/v4/matters.json?offset=10000");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("error").path("type").asText()).isEqualTo("ArgumentError");
        JsonNode page = client.get("/api/v4/matters.json?order=" + TestClient.q("display_number(desc)") + "&limit=2&fields=id").json();
        assertThat(page.path("meta").path("paging").path("next").asText()).contains("page_token=");
        assertThat(page.path("meta").path("records").asInt()).isEqualTo(5);
    }

    @Test
    void createUpdateDeleteMatterWithEtags() {
        TestClient.Resp created = client.post("/api/v4/matters.json?fields=id,etag,description,status,display_number,client{id}",
                "{\"data\":{\"description\":\"Smith & Sons v. O'Neil\",\"client\":{\"id\":" + Fixtures.COMPANY + "},\"status\":\"pending\"}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode m = created.json().path("data");
        assertThat(m.path("status").asText()).isEqualTo("Pending");
        assertThat(m.path("display_number").asText()).isEqualTo("00006-Smith & Wesson Holdings");
        long id = m.path("id").asLong();
        String etag = m.path("etag").asText();

        assertThat(client.get("/api/v4/matters/" + id + ".json", Map.of("If-None-Match", etag)).status()).isEqualTo(304);
        TestClient.Resp updated = client.patch("/api/v4/matters/" + id + ".json?fields=id,etag,status,close_date",
                "{\"data\":{\"status\":\"closed\"}}", Map.of("If-Match", etag));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("data").path("status").asText()).isEqualTo("Closed");
        assertThat(updated.json().path("data").path("close_date").asText()).isEqualTo("2026-01-05");
        assertThat(client.patch("/api/v4/matters/" + id, "{\"data\":{\"status\":\"open\"}}", Map.of("If-Match", etag)).status())
                .isEqualTo(412);

        assertThat(client.post("/api/v4/matters.json", "{\"data\":{\"description\":\"no client\"}}").status()).isEqualTo(422);
        assertThat(client.delete("/api/v4/matters/" + id + ".json").status()).isEqualTo(204);
        assertThat(client.get("/api/v4/matters/" + id + ".json").status()).isEqualTo(404);
    }

    @Test
    void firmsDoNotLeak() {
        assertThat(client.get("/api/v4/matters/" + Fixtures.B_MATTER + ".json").status()).isEqualTo(404);
        assertThat(client.get("/api/v4/contacts/" + Fixtures.B_CLIENT).status()).isEqualTo(404);
        assertThat(client.patch("/api/v4/matters/" + Fixtures.B_MATTER, "{\"data\":{\"description\":\"x\"}}").status()).isEqualTo(404);
        TestClient b = new TestClient(clio.baseUrl()).token(clio.admin().issueToken("app", Fixtures.FIRM_B, Fixtures.B_USER).accessToken());
        JsonNode ids = b.get("/api/v4/matters?fields=id").json().path("data");
        assertThat(ids.size()).isEqualTo(1);
        assertThat(ids.get(0).path("id").asLong()).isEqualTo(Fixtures.B_MATTER);
        assertThat(b.get("/api/v4/users/who_am_i?fields=account{name}").json().path("data").path("account").path("name").asText())
                .isEqualTo("Firm B");
    }

    @Test
    void contactsPersonAndCompany() {
        JsonNode companies = client.get("/api/v4/contacts.json?type=Company&fields=id,name,type").json().path("data");
        assertThat(companies).extracting(n -> n.path("name").asText())
                .containsExactly("Smith & Wesson Holdings", "Crème Brûlée Café LLC");
        TestClient.Resp p = client.post("/api/v4/contacts.json?fields=id,name,first_name,last_name,type",
                "{\"data\":{\"type\":\"Person\",\"first_name\":\"Renée\",\"last_name\":\"D'Souza\"}}");
        assertThat(p.status()).isEqualTo(201);
        assertThat(p.json().path("data").path("name").asText()).isEqualTo("Renée D'Souza");
        long id = p.json().path("data").path("id").asLong();
        assertThat(client.patch("/api/v4/contacts/" + id + ".json?fields=name", "{\"data\":{\"last_name\":\"Côté\"}}")
                .json().path("data").path("name").asText()).isEqualTo("Renée Côté");
        assertThat(client.post("/api/v4/contacts.json", "{\"data\":{\"type\":\"Person\"}}").status()).isEqualTo(422);
        assertThat(client.delete("/api/v4/contacts/" + Fixtures.PERSON).status()).as("client of a matter").isEqualTo(422);
        assertThat(client.delete("/api/v4/contacts/" + id).status()).isEqualTo(204);
        assertThat(client.get("/api/v4/contacts.json?query=" + TestClient.q("o'reilly") + "&fields=id").json().path("data")
                .get(0).path("id").asLong()).isEqualTo(Fixtures.PERSON);
    }

    @Test
    void usersGroupsAndSuffixlessPaths() {
        JsonNode users = client.get("/api/v4/users?fields=id,name,rate").json().path("data");
        assertThat(users).extracting(n -> n.path("name").asText()).containsExactly("Alice O'Hara", "Bob Núñez", "Carol King");
        assertThat(users.get(0).path("rate").asDouble()).isEqualTo(200.0);
        JsonNode groups = client.get("/api/v4/groups.json?fields=id,name,type,users{id}").json().path("data");
        assertThat(groups.get(0).path("users").size()).isEqualTo(2);
        assertThat(groups.get(2).path("type").asText()).isEqualTo("AccountGroup");
        assertThat(client.get("/api/v4/matters/" + Fixtures.MATTER + "/client.json?fields=id,name,is_matter_client")
                .json().path("data").path("is_matter_client").asBoolean()).isTrue();
        assertThat(client.get("/api/v4/settings/billing.json?fields=rounding").json().path("data").path("rounding").asInt()).isZero();
    }

    @Test
    void formEncodedWritesAreAccepted() {
        TestClient.Resp r = client.send(client.builder("/api/v4/matters.json?fields=id,description")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "data%5Bdescription%5D=Form+matter&data%5Bclient%5D%5Bid%5D=" + Fixtures.PERSON)));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("data").path("description").asText()).isEqualTo("Form matter");
    }

    @Test
    void rejectedUpdateLeavesTheRecordUnchanged() {
        String before = client.get("/api/v4/matters/" + Fixtures.HOURLY + ".json?fields=" + TestClient.q(
                "etag,description,custom_rate{type,rates}")).body();
        TestClient.Resp r = client.patch("/api/v4/matters/" + Fixtures.HOURLY + ".json", "{\"data\":{\"description\":\"changed\","
                + "\"custom_rate\":{\"rates\":[{\"id\":999,\"_destroy\":true},{\"rate\":1,\"user\":{\"id\":" + Fixtures.CAROL
                + "}}]},\"responsible_attorney\":{\"id\":424242}}}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(client.get("/api/v4/matters/" + Fixtures.HOURLY + ".json?fields=" + TestClient.q(
                "etag,description,custom_rate{type,rates}")).body()).isEqualTo(before);
    }
}
