package com.caseclock.supportcli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.caseclock.supportcli.Cli;
import com.caseclock.supportcli.ExitCodes;
import com.caseclock.supportcli.FakeService;
import com.caseclock.supportcli.SupportCli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The bearer token is never printed: a malformed one (e.g. pasted with a line break) is refused before anything is
 * sent, and every error message is redacted before it reaches the terminal.
 */
class TokenSafetyTest {

    /** A JWT-shaped token longer than 76 characters (a terminal wraps it there). */
    private static final String JWT = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzYW0iLCJncm91cHMiOlsic3VwcG9y"
            + "dCJdLCJpc3MiOiJodHRwczovL2Nhc2VjbG9jay5leGFtcGxlIn0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";
    private static final String FIRST = JWT.substring(0, 76);
    private static final String REST = JWT.substring(76);

    private FakeService connector;

    @BeforeEach
    void start() throws IOException {
        connector = new FakeService().answer("GET", "/api/v1/support/failures", 200,
                "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    }

    @AfterEach
    void stop() {
        connector.close();
    }

    private Map<String, String> env(String token) {
        return Map.of("CONNECTOR_URL", connector.url(), "CASECLOCK_TOKEN", token);
    }

    @Test
    void aTokenWithALineBreakIsRefusedWithExit2WithoutEchoingItAndNothingIsSent() {
        Cli.Result r = Cli.run(env(FIRST + "\n" + REST), "list", "--firm", "harbor-pine");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("The token is malformed (it contains a line break, space or control character "
                + "at position 77; paste it as one line)");
        assertThat(r.err() + r.out()).doesNotContain(FIRST, REST, "eyJ");
        assertThat(connector.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc def-123456", "abc\tdef-123456", "abc\u0000def-123456", "abc/def+123456",
            "abc\"def-123456", "abc\u00e9def-123456", "abc\u2028def-123456"})
    void tokensOutsideTheJwtAlphabetAreRefusedWithExit2(String token) {
        Cli.Result r = Cli.run(Map.of("CONNECTOR_URL", connector.url()), "list", "--token", token);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("The token is malformed (").doesNotContain("def-123456", "def+123456");
        assertThat(connector.requests()).isEmpty();
    }

    @Test
    void surroundingWhitespaceIsStripped() {
        Cli.Result r = Cli.run(env("  " + JWT + "\r\n"), "list");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(connector.requests().get(0).authorization()).isEqualTo("Bearer " + JWT);
    }

    /** Stands in for any unexpected failure whose message quotes the request's header (as the JDK client did). */
    @Command(name = "boom")
    static final class Boom implements Runnable {
        @Mixin
        ServiceOptions services;

        @Override
        public void run() {
            throw new IllegalArgumentException("invalid header value: \"Bearer " + services.token + "\"; also "
                    + "Bearer some-other-credential-42 and eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abcdefgh");
        }
    }

    @Test
    void theGenericErrorHandlerRedactsTheTokenBearerValuesAndJwts() {
        for (String[] line : new String[][] {{"boom"}, {"boom", "--token", FIRST + "\n" + REST}}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Map<String, String> env = line.length == 1 ? Map.of("CASECLOCK_TOKEN", FIRST + "\n" + REST) : Map.of();
            CommandLine cli = SupportCli.commandLine(env, new PrintWriter(out), new PrintWriter(err));
            cli.addSubcommand(new Boom());
            // settings made on the top command reach subcommands added before them
            cli.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).setDefaultValueProvider(new EnvDefaults(env));

            int code = cli.execute(line);

            assertThat(code).isEqualTo(ExitCodes.SOFTWARE);
            assertThat(err.toString()).startsWith("error: java.lang.IllegalArgumentException: invalid header value:")
                    .contains("Bearer [redacted]").doesNotContain("Bearer null")
                    .doesNotContain(FIRST, REST, "some-other-credential-42", "eyJhbGciOiJIUzI1NiJ9", "abcdefgh");
        }
    }
}
