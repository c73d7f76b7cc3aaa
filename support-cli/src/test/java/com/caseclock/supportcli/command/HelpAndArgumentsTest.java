package com.caseclock.supportcli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.caseclock.supportcli.Cli;
import com.caseclock.supportcli.ExitCodes;

/** {@code --help} on every command, and bad command lines refused with exit code 2 before any request is sent. */
class HelpAndArgumentsTest {

    /** Nothing listens on port 9 (discard) here; a request sent by mistake fails with exit 4, not 2. */
    private static final Map<String, String> ENV = Map.of("CASECLOCK_TOKEN", "test-token-123456",
            "TIMEENTRY_URL", "http://127.0.0.1:9", "MATTER_CACHE_URL", "http://127.0.0.1:9",
            "CONNECTOR_URL", "http://127.0.0.1:9");

    @ParameterizedTest
    @ValueSource(strings = {"list", "show", "replay", "resolve", "resync", "lookup", "bundle"})
    void everyCommandHasHelp(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: caseclock-support " + command).contains("--token")
                .contains("--connector-url").contains("-h, --help");
        assertThat(Cli.run("help", command).out()).isEqualTo(r.out());
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("list", "show", "replay", "resolve", "resync", "lookup", "bundle",
                "Exit codes:", "a service answered with an error");
        assertThat(Cli.run("--version").out()).startsWith("caseclock-support ");
    }

    @Test
    void helpShowsTheUrlDefaultsFromTheEnvironmentButNeverTheToken() {
        String out = Cli.run(Map.of("CONNECTOR_URL", "http://connector.example:18082", "CASECLOCK_TOKEN",
                "secret-token-value-42"), "list", "--help").out();
        assertThat(out).contains("http://connector.example:18082").contains("http://localhost:8080")
                .doesNotContain("secret-token-value-42");
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        assertThat(Cli.run().exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result unknown = Cli.run("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("frobnicate");
    }

    @Test
    void withoutATokenNothingIsSent() {
        Cli.Result r = Cli.run(Map.of("CONNECTOR_URL", "http://127.0.0.1:9"), "list");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("No bearer token").contains("CASECLOCK_TOKEN");
    }

    @Test
    void aSupportBundleWithoutAFirmIsAUsageErrorAndNothingIsSent() {
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"s1\",\"groups\":[\"support\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> env = Map.of("CASECLOCK_TOKEN", "eyJhbGciOiJSUzI1NiJ9." + payload + ".c2ln",
                "TIMEENTRY_URL", "http://127.0.0.1:9", "MATTER_CACHE_URL", "http://127.0.0.1:9",
                "CONNECTOR_URL", "http://127.0.0.1:9");
        Cli.Result r = Cli.run(env, "bundle", "--user", "dana", "-o", "-");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--firm");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "bundle --user dana",                                    // no -o
            "bundle -o out.json",                                    // neither --user nor --firm
            "bundle --user dana --entry not-a-uuid -o out.json",
            "bundle --user dana --matter -5 -o out.json",
            "bundle --user dana --matter abc -o out.json",
            "show not-a-uuid",
            "show",
            "replay",                                                // no ids, no --matching
            "replay --matching",                                     // --matching without a filter
            "replay 7b0c1a52-6f0e-4a39-9d47-2a1f3f3d9b10 --matching --firm f",
            "resolve 7b0c1a52-6f0e-4a39-9d47-2a1f3f3d9b10",         // no --comment
            "resolve 7b0c1a52-6f0e-4a39-9d47-2a1f3f3d9b10 --comment ' '",
            "resync",                                                // no --firm
            "lookup --firm f",                                       // neither --display-number nor --name
            "lookup --firm f --display-number 1 --name x",
            "list --from yesterday",
            "list --timeout 0",
            "list --connector-url ftp://example.org",
            "list --connector-url 'not a url'"})
    void badCommandLinesAreRefusedWithExit2(String line) {
        Cli.Result r = Cli.run(ENV, split(line));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isNotBlank();
    }

    private static String[] split(String line) {
        java.util.List<String> args = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return args.toArray(String[]::new);
    }
}
