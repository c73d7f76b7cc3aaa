package com.caseclock.supportcli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.caseclock.supportcli.Cli;
import com.caseclock.supportcli.ExitCodes;
import com.caseclock.supportcli.FakeService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The commands against real HTTP servers standing in for the three services: what is sent (path, query, body, bearer
 * token), what is printed, the bundle file, and the exit codes on HTTP errors and unreachable services.
 */
class CommandsOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "cli-token-abcdef-123456";
    private static final String ENTRY = "7b0c1a52-6f0e-4a39-9d47-2a1f3f3d9b10";
    private static final String FAILED = "0f8e3c7a-1d2b-4c5d-8e9f-a0b1c2d3e4f5";
    private static final String DIAG = "/api/v1/support/diagnostics";

    private FakeService timeentry;
    private FakeService matterCache;
    private FakeService connector;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        timeentry = new FakeService();
        matterCache = new FakeService();
        connector = new FakeService();
    }

    @AfterEach
    void stop() {
        timeentry.close();
        matterCache.close();
        connector.close();
    }

    private Map<String, String> env() {
        return Map.of("TIMEENTRY_URL", timeentry.url(), "MATTER_CACHE_URL", matterCache.url() + "/",
                "CONNECTOR_URL", connector.url(), "CASECLOCK_TOKEN", TOKEN);
    }

    @Test
    void bundleMergesTheThreeServicesTakesTheClioUserFromTheConnectionAndRedacts() throws Exception {
        timeentry.answer("GET", DIAG, 200, """
                {"service":{"name":"timeentry-service","version":"0.1.0-te"},"firmId":"harbor-pine","userId":"dana",
                 "connections":[{"userId":"dana","connection":{"status":"connected","region":"US","clioUserId":100}}],
                 "entry":{"timeline":[{"stage":"APPROVAL","eventSent":"4e0b0ab4-4a6f-4a2b-9e7a-1c4d2e3f5a6b"}]}}
                """);
        connector.answer("GET", DIAG, 200, """
                {"part":"clio-connector","service":{"name":"clio-connector","version":"0.1.0-cc"},
                 "connections":[{"userId":"dana","state":"CONNECTED","region":"US","clioUserId":100,
                   "accessToken":"sandbox-access-token-999","updatedAt":"2026-11-29T17:00:00Z"}],
                 "recentFailures":[{"reason":"Clio rejected the entry's data.",
                   "clioBody":"{\\"error\\":{\\"message\\":\\"bad\\"},\\"refresh_token\\":\\"sandbox-refresh-777\\"}",
                   "note":"sent with Bearer %s"}]}
                """.formatted(TOKEN));
        matterCache.answer("GET", DIAG, 200, """
                {"service":{"name":"matter-cache-service","version":"0.1.0-mc"},"firmId":"harbor-pine",
                 "rateExplanation":{"matterId":200,"userId":100,"known":true,"appliedLayer":"USER_DEFAULT"},
                 "freshness":{"firmId":"harbor-pine","backfillComplete":true}}
                """);
        Path file = dir.resolve("bundle.json");

        Cli.Result r = Cli.run(env(), "bundle", "--user", "dana", "--firm", "harbor-pine", "--entry", ENTRY,
                "--matter", "200", "-o", file.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("timeentry-service: ok (version 0.1.0-te)")
                .contains("Bundle written to " + file).contains("3 value(s) redacted");
        FakeService.Request te = timeentry.requests().get(0);
        assertThat(te.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(te.query()).isEqualTo(Map.of("firmId", "harbor-pine", "userId", "dana", "entryId", ENTRY));
        assertThat(connector.requests().get(0).query()).isEqualTo(te.query());
        assertThat(matterCache.requests().get(0).path()).isEqualTo(DIAG);
        assertThat(matterCache.requests().get(0).query())
                .isEqualTo(Map.of("firmId", "harbor-pine", "matterId", "200", "userId", "100"));

        String text = Files.readString(file);
        assertThat(text).doesNotContain(TOKEN, "sandbox-access-token-999", "sandbox-refresh-777");
        JsonNode bundle = JSON.readTree(text);
        assertThat(bundle.at("/request/entryId").asText()).isEqualTo(ENTRY);
        assertThat(bundle.at("/request/clioUserId").asLong()).isEqualTo(100);
        assertThat(bundle.at("/versions/clio-connector").asText()).isEqualTo("0.1.0-cc");
        assertThat(bundle.at("/sections/timeentry-service/diagnostics/entry/timeline/0/eventSent").asText())
                .isEqualTo("4e0b0ab4-4a6f-4a2b-9e7a-1c4d2e3f5a6b");
        assertThat(bundle.at("/sections/clio-connector/diagnostics/connections/0/updatedAt").asText())
                .isEqualTo("2026-11-29T17:00:00Z");
        assertThat(bundle.at("/sections/clio-connector/diagnostics/connections/0/accessToken").asText())
                .isEqualTo("[redacted]");
        assertThat(bundle.at("/sections/matter-cache-service/diagnostics/rateExplanation/appliedLayer").asText())
                .isEqualTo("USER_DEFAULT");
        assertThat(bundle.at("/sections/matter-cache-service/source").asText())
                .startsWith("GET " + matterCache.url() + DIAG + "?");
    }

    @Test
    void aMissingPartIsRecordedInTheBundleWithExit5() throws Exception {
        timeentry.answer("GET", DIAG, 200, "{\"service\":\"timeentry-service\",\"version\":\"1\",\"connections\":[]}");
        connector.answer("GET", DIAG, 404,
                "{\"title\":\"Not found\",\"status\":404,\"detail\":\"Firm x was not found.\"}");
        matterCache.answer("GET", DIAG, 200, "{\"service\":\"matter-cache-service\",\"version\":\"1\"}");
        Path file = dir.resolve("partial.json");

        Cli.Result r = Cli.run(env(), "bundle", "--user", "dana", "--matter", "200", "-o", file.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.PARTIAL_BUNDLE);
        assertThat(r.out()).contains("clio-connector: MISSING - clio-connector answered 404 Not found: Firm x was"
                + " not found.").contains("note: No rate explanation");
        JsonNode bundle = JSON.readTree(file.toFile());
        assertThat(bundle.at("/sections/clio-connector/ok").asBoolean()).isFalse();
        assertThat(bundle.at("/sections/clio-connector/error/detail").asText()).isEqualTo("Firm x was not found.");
        assertThat(matterCache.requests().get(0).query()).as("no Clio user known: no matter asked").isEmpty();
    }

    @Test
    void theClioUserComesFromTheConnectorWhenTimeentryHasNoConnectionOrFromTheOption() {
        timeentry.answer("GET", DIAG, 200, "{\"service\":{\"version\":\"1\"},\"connections\":[{\"userId\":\"dana\","
                + "\"connection\":{\"status\":\"unknown\",\"clioUserId\":null}}]}");
        connector.answer("GET", DIAG, 200, "{\"service\":{\"version\":\"1\"},\"connections\":["
                + "{\"userId\":\"dana\",\"clioUserId\":345}]}");
        matterCache.answer("GET", DIAG, 200, "{\"service\":{\"version\":\"1\"}}");

        assertThat(Cli.run(env(), "bundle", "--user", "dana", "--matter", "9", "-o", "-").exitCode()).isZero();
        assertThat(Cli.run(env(), "bundle", "--user", "dana", "--matter", "9", "--clio-user", "77", "-o", "-")
                .exitCode()).isZero();

        assertThat(matterCache.requests()).extracting(q -> q.query().get("userId")).containsExactly("345", "77");
    }

    @Test
    void bundleToStandardOutputAndAnUnwritableFile() {
        for (FakeService s : new FakeService[] {timeentry, connector, matterCache}) {
            s.answer("GET", DIAG, 200, "{\"version\":\"1\"}");
        }
        Cli.Result printed = Cli.run(env(), "bundle", "--firm", "harbor-pine", "-o", "-");
        assertThat(printed.exitCode()).isZero();
        assertThat(printed.out()).contains("\"format\" : \"caseclock-diagnostics-bundle/1\"");
        assertThat(printed.err()).contains("Bundle printed");

        Cli.Result unwritable = Cli.run(env(), "bundle", "--firm", "f", "-o",
                dir.resolve("no/such/dir/b.json").toString());
        assertThat(unwritable.exitCode()).isEqualTo(ExitCodes.NOT_WRITTEN);
        assertThat(unwritable.err()).contains("Could not write");
    }

    @Test
    void listPrintsATableAndSendsTheFilters() {
        connector.answer("GET", "/api/v1/support/failures", 200, """
                {"items":[{"id":"%s","state":"OPEN","firmId":"harbor-pine","userId":"dana","timeEntryId":"%s",
                  "matterId":200,"reasonCode":"VALIDATION_REJECTED","reason":"Clio rejected the entry's data.",
                  "clioStatus":422,"attempts":1,"lastFailureAt":"2026-11-29T17:00:00Z"}],
                 "page":0,"size":50,"total":1}
                """.formatted(FAILED, ENTRY));

        Cli.Result r = Cli.run(env(), "list", "--firm", "harbor-pine", "--reason", "validation_rejected",
                "--from", "2026-11-29T00:00:00Z", "--size", "10");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("ID", "STATE", "WHY", FAILED, "OPEN", "VALIDATION_REJECTED", "422",
                "Clio rejected the entry's data.", "page 0, 1 of 1 failed event(s)");
        assertThat(connector.requests().get(0).query()).isEqualTo(Map.of("firmId", "harbor-pine",
                "reason", "VALIDATION_REJECTED", "from", "2026-11-29T00:00:00Z", "page", "0", "size", "10"));
    }

    @Test
    void showReplayResolveResyncAndLookupCallTheSupportApi() throws Exception {
        connector.answer("GET", "/api/v1/support/failures/" + FAILED, 200, """
                {"summary":{"id":"%s","state":"REPLAYED","reasonCode":"CLIO_UNAVAILABLE",
                  "reason":"Clio was unavailable (server errors or no answer) through every retry.","clioStatus":503},
                 "clioBody":"Service Unavailable","originalEvent":{"eventId":"e1"},
                 "history":[{"action":"FAILED","at":"2026-11-29T17:00:00Z","detail":"503"},
                            {"action":"REPLAYED","at":"2026-11-29T17:05:00Z","actor":"sam","detail":"to topic"}]}
                """.formatted(FAILED));
        connector.answer("POST", "/api/v1/support/failures/" + FAILED + "/replay", 202,
                "{\"summary\":{\"state\":\"REPLAYED\"}}");
        connector.answer("POST", "/api/v1/support/failures/replay", 202,
                "{\"replayed\":[\"" + FAILED + "\",\"" + ENTRY + "\"],\"failed\":{}}");
        connector.answer("POST", "/api/v1/support/failures/" + FAILED + "/resolve", 200,
                "{\"summary\":{\"state\":\"RESOLVED\"}}");
        connector.answer("POST", "/api/v1/support/firms/harbor-pine/resync", 202, "{\"commandEventId\":\"c-1\","
                + "\"firmId\":\"harbor-pine\",\"requestedBy\":\"sam\",\"requestedAt\":\"2026-11-29T17:00:00Z\"}");
        String lookupId = "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
        connector.answer("POST", "/api/v1/support/firms/harbor-pine/matter-lookups", 202,
                "{\"commandEventId\":\"c-2\",\"lookupId\":\"" + lookupId + "\"}");
        connector.answer("GET", "/api/v1/support/firms/harbor-pine/matter-lookups/" + lookupId, 200,
                "{\"lookupId\":\"" + lookupId + "\",\"status\":\"ANSWERED\",\"answer\":{\"outcome\":\"FOUND\","
                        + "\"matterClioIds\":[200]}}");

        Cli.Result show = Cli.run(env(), "show", FAILED);
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("[REPLAYED]", "through every retry", "Clio:      503 Service Unavailable",
                "REPLAYED by sam: to topic", "\"eventId\" : \"e1\"");

        assertThat(Cli.run(env(), "replay", FAILED).out()).contains(FAILED + ": replayed, now REPLAYED");
        assertThat(Cli.run(env(), "replay", "--matching", "--firm", "harbor-pine", "--reason", "CLIO_UNAVAILABLE")
                .out()).contains("Replayed 2 failed event(s)", "  " + ENTRY);
        assertThat(Cli.run(env(), "resolve", FAILED, "-m", "Re-entered by hand in Clio").exitCode()).isZero();
        assertThat(Cli.run(env(), "resync", "--firm", "harbor-pine", "--include-closed").out())
                .contains("Full re-sync of harbor-pine requested (closed matters included): command c-1, by sam");
        assertThat(Cli.run(env(), "lookup", "--firm", "harbor-pine", "--display-number", "00123-Smith", "--wait", "5")
                .out()).contains("Lookup " + lookupId + " requested for \"00123-Smith\"", "Answer: FOUND [200]");

        var posts = connector.requests().stream().filter(q -> q.method().equals("POST")).toList();
        assertThat(posts).extracting(FakeService.Request::path).containsExactly(
                "/api/v1/support/failures/" + FAILED + "/replay", "/api/v1/support/failures/replay",
                "/api/v1/support/failures/" + FAILED + "/resolve", "/api/v1/support/firms/harbor-pine/resync",
                "/api/v1/support/firms/harbor-pine/matter-lookups");
        assertThat(JSON.readTree(posts.get(1).body())).isEqualTo(
                JSON.readTree("{\"firmId\":\"harbor-pine\",\"reason\":\"CLIO_UNAVAILABLE\",\"limit\":100}"));
        assertThat(JSON.readTree(posts.get(2).body()))
                .isEqualTo(JSON.readTree("{\"comment\":\"Re-entered by hand in Clio\"}"));
        assertThat(JSON.readTree(posts.get(3).body())).isEqualTo(JSON.readTree("{\"includeClosedMatters\":true}"));
        assertThat(JSON.readTree(posts.get(4).body())).isEqualTo(JSON.readTree("{\"displayNumber\":\"00123-Smith\"}"));
        assertThat(posts).allSatisfy(p -> assertThat(p.authorization()).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void httpErrorsPrintTheProblemDetailAndExit3() {
        connector.answer("GET", "/api/v1/support/failures", 400, """
                {"type":"about:blank","title":"Bad request","status":400,"detail":"reason: unknown reason code",
                 "errors":[{"field":"reason","message":"unknown reason code"}]}
                """);
        Cli.Result r = Cli.run(env(), "list", "--reason", "NOPE");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SERVICE_ERROR);
        assertThat(r.err()).contains("error: clio-connector answered 400 Bad request: reason: unknown reason code")
                .contains("  reason: unknown reason code").doesNotContain(TOKEN);

        Cli.Result missing = Cli.run(env(), "show", FAILED);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.SERVICE_ERROR);
        assertThat(missing.err()).contains("404 Not found: No such path");

        connector.answer("POST", "/api/v1/support/failures/" + FAILED + "/replay", 500, "application/problem+json", "");
        Cli.Result empty = Cli.run(env(), "replay", FAILED);
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.SERVICE_ERROR);
        assertThat(empty.err()).contains("clio-connector answered 500 HTTP 500");
    }

    @Test
    void nonJsonErrorAnswersExit4WithAShortMessageAndNoHtml() {
        connector.answer("POST", "/api/v1/support/failures/" + FAILED + "/replay", 500, "text/plain", "boom");
        Cli.Result plain = Cli.run(env(), "replay", FAILED);
        assertThat(plain.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(plain.err()).contains("clio-connector answered 500 with text/plain, not JSON", ": boom");

        String page = "<html><head><title>502 Bad Gateway</title></head><body>" + "<p>nginx</p>\n".repeat(200)
                + "</body></html>";
        connector.answer("GET", "/api/v1/support/failures", 502, "text/html; charset=utf-8", page);
        Cli.Result html = Cli.run(env(), "list");
        assertThat(html.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(html.err()).contains("clio-connector answered 502 with text/html; charset=utf-8, not JSON")
                .doesNotContain("<html", "nginx", TOKEN);
        assertThat(html.err().strip().lines()).hasSize(1);

        String longText = "x".repeat(5_000);
        connector.answer("GET", "/api/v1/support/failures", 503, "text/plain", longText);
        Cli.Result text = Cli.run(env(), "list");
        assertThat(text.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(text.err()).contains("x".repeat(199) + "…").doesNotContain("x".repeat(201));
    }

    @Test
    void aRedirectNamesItsLocation() {
        connector.redirect("GET", "/api/v1/support/failures", 301, "https://connector.example/api/v1/support/failures");
        Cli.Result r = Cli.run(env(), "list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.SERVICE_ERROR);
        assertThat(r.err()).contains("error: clio-connector answered 301 (redirect to "
                + "https://connector.example/api/v1/support/failures); check the URL").doesNotContain("HTTP 301");
        assertThat(connector.requests()).hasSize(1);
    }

    @Test
    void unreachableOrNonJsonServicesExit4() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Cli.Result r = Cli.run(env(), "list", "--connector-url", "http://127.0.0.1:" + closedPort);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(r.err()).contains("Could not reach clio-connector").doesNotContain(TOKEN);

        connector.answer("GET", "/api/v1/support/failures", 200, "text/html", "<html>login</html>");
        Cli.Result html = Cli.run(env(), "list");
        assertThat(html.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(html.err()).contains("not JSON");
    }
}
