package com.caseclock.cliosandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caseclock.cliosandbox.seed.Seed;
import com.caseclock.cliosandbox.seed.SeedGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {

    @Test
    void demoSeedIsLoadedByDefaultAndIsRealistic() {
        try (ClioSandbox clio = ClioSandbox.builder().rateLimitPerMinute(0).build().start()) {
            assertThat(clio.admin().firmKeys()).containsExactly("harbor-pine", "nunez-oconnor");
            long dana = clio.admin().users("harbor-pine").stream().filter(u -> "Dana O'Brien".equals(u.get("name")))
                    .map(u -> ((Number) u.get("id")).longValue()).findFirst().orElseThrow();
            TestClient c = new TestClient(clio.baseUrl()).token(clio.issueToken("harbor-pine", dana).accessToken());
            assertThat(c.get("/api/v4/users/who_am_i.json?fields=" + TestClient.q("account{name}")).json()
                    .path("data").path("account").path("name").asText()).isEqualTo("Harbor & Pine LLP");

            List<JsonNode> matters = new ArrayList<>();
            String url = "/api/v4/matters.json?fields=" + TestClient.q("id,status,open_date,custom_rate{type},client{name,type}");
            while (url != null) {
                JsonNode page = c.get(url).json();
                page.path("data").forEach(matters::add);
                url = page.path("meta").path("paging").path("next").asText(null);
            }
            assertThat(matters).hasSizeGreaterThanOrEqualTo(150);
            assertThat(matters).anyMatch(m -> m.path("status").asText().equals("Closed"));
            assertThat(matters).anyMatch(m -> m.path("status").asText().equals("Pending"));
            assertThat(matters).anyMatch(m -> m.path("open_date").asText().compareTo("2015-01-01") < 0);
            for (String type : List.of("HourlyRate", "FlatRate", "ContingencyFee")) {
                assertThat(matters).as(type).anyMatch(m -> m.path("custom_rate").path("type").asText().equals(type)
                        && (!type.equals("HourlyRate") || m.path("id").asLong() == matters.get(0).path("id").asLong()));
            }
            List<String> clientNames = matters.stream().map(m -> m.path("client").path("name").asText()).toList();
            assertThat(clientNames).anyMatch(n -> n.contains("'"));
            assertThat(clientNames).anyMatch(n -> n.contains("&"));
            assertThat(clientNames).anyMatch(n -> !n.equals(new String(n.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII)));
            assertThat(matters).anyMatch(m -> m.path("client").path("type").asText().equals("Company"));
            assertThat(matters).anyMatch(m -> m.path("client").path("type").asText().equals("Person"));
            assertThat(c.get("/api/v4/activity_rates.json?fields=id").json().path("data").size()).isGreaterThanOrEqualTo(3);
            assertThat(c.get("/api/v4/groups.json?fields=id").json().path("data").size()).isGreaterThanOrEqualTo(2);

            TestClient other = new TestClient(clio.baseUrl());
            long lucia = clio.admin().users("nunez-oconnor").get(0).get("id") instanceof Number n ? n.longValue() : 0;
            other.token(clio.issueToken("nunez-oconnor", lucia).accessToken());
            assertThat(other.get("/api/v4/users/who_am_i.json?fields=" + TestClient.q("name,account{name}")).json().path("data")
                    .path("account").path("name").asText()).isEqualTo("Núñez O'Connor Avocats");
        }
    }

    @Test
    void demoSeedRegistersTheCaseClockLocalApplication() {
        try (ClioSandbox clio = ClioSandbox.builder().rateLimitPerMinute(0).build().start()) {
            TestClient c = new TestClient(clio.baseUrl());
            TestClient.Resp r = c.get("/oauth/authorize?response_type=code&client_id=caseclock-local&redirect_uri="
                    + TestClient.q("http://localhost:8082/api/v1/connections/clio/callback") + "&sandbox_firm=nunez-oconnor");
            assertThat(r.status()).isEqualTo(302);
            String code = r.header("Location").replaceAll(".*code=([^&]+).*", "$1");
            TestClient.Resp token = c.form("/oauth/token", Map.of("grant_type", "authorization_code", "client_id", "caseclock-local",
                    "client_secret", "caseclock-local-secret", "code", code,
                    "redirect_uri", "http://localhost:8082/api/v1/connections/clio/callback"));
            assertThat(token.status()).isEqualTo(200);
            assertThat(token.json().path("expires_in").asLong()).isEqualTo(2_592_000L);
        }
    }

    @Test
    void generatorWritesLoadableSeedsOfAnySize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.json");
        SeedGenerator.main(new String[] {"--matters", "2500", "--out", file.toString(), "--random-seed", "7"});
        JsonNode root = TestClient.JSON.readTree(file.toFile());
        assertThat(root.path("firms")).hasSize(2);
        assertThat(root.path("firms").get(0).path("matters")).hasSize(2500);
        try (ClioSandbox clio = ClioSandbox.builder().seed(file).rateLimitPerMinute(0).build().start()) {
            assertThat(clio.admin().matterIds("harbor-pine")).hasSize(2500);
            assertThat(clio.admin().matterIds("nunez-oconnor")).hasSize(2500);
        }
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        SeedGenerator.write(a, 50, 1, false);
        SeedGenerator.write(b, 50, 1, false);
        assertThat(a.toByteArray()).as("deterministic").isEqualTo(b.toByteArray());
    }

    @Test
    void generatorAddsClioAccountsBeyondTheDemoFirms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("accounts.json");
        SeedGenerator.main(new String[] {"--matters", "6", "--accounts", "5", "--out", file.toString()});
        JsonNode root = TestClient.JSON.readTree(file.toFile());
        assertThat(root.path("firms").findValuesAsText("key"))
                .containsExactly("harbor-pine", "nunez-oconnor", "account-03", "account-04", "account-05");
        try (ClioSandbox clio = ClioSandbox.builder().seed(file).rateLimitPerMinute(0).build().start()) {
            for (String firm : List.of("harbor-pine", "account-03", "account-05")) {
                assertThat(clio.admin().matterIds(firm)).as(firm).hasSize(6);
            }
            assertThat(clio.admin().matterIds("account-05")).doesNotContainAnyElementsOf(
                    clio.admin().matterIds("account-03"));
        }
        for (String[] bad : List.of(new String[] {"--accounts", "1"}, new String[] {"--accounts", "abc"},
                new String[] {"--accounts"}, new String[] {"--matters", "-1"}, new String[] {"--bogus"})) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(bad),
                    java.util.stream.Stream.of("--out", dir.resolve("x.json").toString())).toArray(String[]::new);
            if (bad.length == 1 && bad[0].equals("--accounts")) {
                args = bad; // the value is missing at the very end
            }
            String[] call = args;
            assertThatThrownBy(() -> SeedGenerator.run(call)).as(String.join(" ", bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(dir.resolve("x.json")).as("nothing written for bad arguments").doesNotExist();
        assertThat(dir.resolve("x.json.partial")).doesNotExist();
    }

    @Test
    void shippedDemoSeedEqualsTheGeneratorOutput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.json");
        SeedGenerator.write(file, 160, 42);
        assertThat(TestClient.JSON.readTree(file.toFile())).isEqualTo(Seed.demo().root());
        assertThat(Files.size(file)).isPositive();
    }
}
