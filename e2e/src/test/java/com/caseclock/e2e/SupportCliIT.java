package com.caseclock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;

/**
 * The support CLI's runnable jar ({@code support-cli/target/caseclock-support.jar}, built by the reactor before this
 * module) against the running stack, as support would use it: the diagnostics bundle of the demo lawyer holds every
 * service's part (connection, sync, the entry's timeline from capture to Clio with the same event ids on both sides,
 * rate explanation, freshness, versions) and no token or secret; a firm admin of another firm gets nothing.
 */
@ExtendWith(LocalStackExtension.class)
@Order(2)
class SupportCliIT {

    private static final String FIRM = "harbor-pine";
    private static final long DANA_CLIO_ID = 100;
    private static final long MATTER = 200;
    /** The sandbox's access and refresh tokens embed the region: {@code us-at-…}, {@code us-rt-…}. */
    private static final Pattern SANDBOX_TOKEN = Pattern.compile("\\b(us|eu|ca|au)-(at|rt)-");

    static LocalStack stack;
    static CaseClockClient dana;

    @TempDir
    Path dir;

    @BeforeAll
    static void stack(LocalStack s) {
        stack = s;
        dana = new CaseClockClient(s, s.tokenLawyer());
        dana.ensureConnectedAndSynced(FIRM, DANA_CLIO_ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> dana.integration().getBoolean("connected"));
    }

    @Test
    void theDemoLawyersBundleHasEveryPartAndNoTokenOrSecret() throws IOException {
        String entry = dana.createEntry(Map.of("durationSeconds", 900, "matterId", MATTER,
                "note", "Support bundle check " + UUID.randomUUID()));
        dana.approve(entry);
        long activity = dana.awaitStatus(entry, "SYNCED", Duration.ofSeconds(60)).getLong("clioActivityId");
        // kept next to the stack's logs, to read after the run
        Path file = stack.stateDir().resolve("support-bundle-dana.json");

        Run run = cli(stack.tokenSupport(), "bundle", "--firm", FIRM, "--user", "dana", "--entry", entry,
                "--matter", Long.toString(MATTER), "-o", file.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        String text = Files.readString(file);
        JsonPath bundle = JsonPath.from(text);
        assertThat(bundle.getString("format")).isEqualTo("caseclock-diagnostics-bundle/1");
        assertThat(bundle.getLong("request.clioUserId")).as("taken from the connection status").isEqualTo(100);
        for (String service : List.of(LocalStack.TIMEENTRY, LocalStack.CONNECTOR, LocalStack.MATTER_CACHE)) {
            assertThat(bundle.getBoolean("sections.'" + service + "'.ok")).as(service).isTrue();
            assertThat(bundle.getString("versions.'" + service + "'")).as(service).matches("\\d+\\.\\d+\\.\\d+.*");
        }

        String te = "sections.'timeentry-service'.diagnostics.";
        assertThat(bundle.getString(te + "connections[0].connection.status")).isEqualTo("connected");
        assertThat(bundle.getString(te + "connections[0].connection.region")).isEqualTo("US");
        assertThat(bundle.getList(te + "entry.timeline.stage", String.class))
                .containsSubsequence("CAPTURE", "APPROVAL", "PUBLICATION", "SYNC_RESULT");
        assertThat(bundle.getString(te + "entry.timeline.find { it.stage == 'PUBLICATION' }.action"))
                .isEqualTo("EVENT_PUBLISHED");
        String approvalSent = bundle.getString(te + "entry.timeline.find { it.stage == 'APPROVAL' }.eventSent");
        String resultReceived = bundle.getString(
                te + "entry.timeline.find { it.action == 'SYNC_RESULT_APPLIED' }.eventReceived");

        String cc = "sections.'clio-connector'.diagnostics.";
        assertThat(bundle.getString(cc + "connections[0].state")).isEqualTo("CONNECTED");
        assertThat(bundle.getString(cc + "connections[0].region")).isEqualTo("US");
        assertThat(bundle.getList(cc + "sync.resources.lastSuccessAt")).isNotEmpty().doesNotContainNull();
        assertThat(bundle.getList(cc + "sync.webhooks")).isNotNull();
        assertThat(bundle.getList(cc + "recentFailures")).isNotNull();
        assertThat(bundle.getList(cc + "entry.approvalEventIds", String.class))
                .as("the approval event id is the same on both sides").contains(approvalSent);
        assertThat(bundle.getList(cc + "entry.syncResults.eventId", String.class))
                .as("the sync result event id is the same on both sides").contains(resultReceived);
        assertThat(bundle.getLong(cc + "entry.clioActivity.clioActivityId")).isEqualTo(activity);

        String mc = "sections.'matter-cache-service'.diagnostics.";
        assertThat(bundle.getLong(mc + "rateExplanation.matterId")).isEqualTo(MATTER);
        assertThat(bundle.getLong(mc + "rateExplanation.userId")).isEqualTo(DANA_CLIO_ID);
        assertThat(bundle.getList(mc + "rateExplanation.layers")).isNotEmpty();
        assertThat(bundle.getBoolean(mc + "freshness.backfillComplete")).isTrue();
        assertThat(bundle.getList(mc + "freshness.topics")).isNotEmpty();

        // No token or secret: none of the stack's tokens and secrets, no sandbox token, no JWT.
        stack.env().forEach((name, value) -> {
            if ((name.contains("TOKEN") || name.contains("SECRET") || name.contains("KEY")) && value.length() >= 8) {
                assertThat(text).as(name).doesNotContain(value);
            }
        });
        Path tokenKey = stack.stateDir().resolve("secrets/connector-token-key");
        if (Files.isRegularFile(tokenKey)) {
            assertThat(text).as("the connector's token encryption key")
                    .doesNotContain(Files.readString(tokenKey).trim());
        }
        assertThat(SANDBOX_TOKEN.matcher(text).find()).as("a sandbox token in the bundle").isFalse();
        assertThat(text).doesNotContain("eyJ");
        assertThat(run.output()).doesNotContain(stack.tokenSupport());
        assertThat(bundle.getInt("redactions")).as("the services themselves send nothing credential-like").isZero();
    }

    @Test
    void aFirmAdminOfAnotherFirmGetsNoPartAndExit5() throws IOException {
        String otherAdmin = stack.mintToken("nunez-oconnor", "olga", "firm-admin");
        Path file = dir.resolve("other.json");

        Run run = cli(otherAdmin, "bundle", "--firm", FIRM, "--user", "dana", "-o", file.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(5);
        JsonPath bundle = JsonPath.from(Files.readString(file));
        for (String service : List.of(LocalStack.TIMEENTRY, LocalStack.CONNECTOR, LocalStack.MATTER_CACHE)) {
            assertThat(bundle.getBoolean("sections.'" + service + "'.ok")).as(service).isFalse();
            assertThat(bundle.getInt("sections.'" + service + "'.error.status")).as(service).isEqualTo(404);
        }
    }

    @Test
    void listAnswersWithATableForSupportAndExit3ForALawyer() {
        Run list = cli(stack.tokenSupport(), "list", "--firm", FIRM);
        assertThat(list.exitCode()).as(list.output()).isZero();
        assertThat(list.output()).contains("ID", "REASON", "failed event(s)");

        Run lawyer = cli(stack.tokenLawyer(), "list", "--firm", FIRM);
        assertThat(lawyer.exitCode()).as(lawyer.output()).isEqualTo(3);
        assertThat(lawyer.output()).contains("clio-connector answered 403");
    }

    /** One run of the jar: exit code, and standard output and error together. */
    record Run(int exitCode, String output) {
    }

    private Run cli(String token, String... args) {
        Path root = Path.of(System.getProperty("caseclock.root", "..")).toAbsolutePath().normalize();
        Path jar = root.resolve("support-cli/target/caseclock-support.jar");
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: build it first (./mvnw -pl support-cli package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("TIMEENTRY_URL", stack.timeentryUrl());
        env.put("MATTER_CACHE_URL", stack.matterCacheUrl());
        env.put("CONNECTOR_URL", stack.connectorUrl());
        env.put("CASECLOCK_TOKEN", token);
        try {
            Path out = Files.createTempFile(dir, "cli-", ".out");
            Process p = pb.redirectOutput(out.toFile()).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("caseclock-support " + String.join(" ", args) + " did not finish in 2 minutes");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
