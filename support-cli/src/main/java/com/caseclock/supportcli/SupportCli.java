package com.caseclock.supportcli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.caseclock.supportcli.command.BundleCommand;
import com.caseclock.supportcli.command.EnvDefaults;
import com.caseclock.supportcli.command.ListCommand;
import com.caseclock.supportcli.command.LookupCommand;
import com.caseclock.supportcli.command.ReplayCommand;
import com.caseclock.supportcli.command.ResolveCommand;
import com.caseclock.supportcli.command.ResyncCommand;
import com.caseclock.supportcli.command.ShowCommand;
import com.caseclock.supportcli.http.ServiceError;
import com.caseclock.supportcli.http.ServiceUnreachable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code caseclock-support}: the command line for CaseClock support and operations, over the services' REST APIs
 * (failed sync events, replay, resolve, firm re-sync, matter lookup, diagnostics bundle). Run
 * {@code java -jar support-cli/target/caseclock-support.jar --help}.
 */
@Command(name = "caseclock-support", mixinStandardHelpOptions = true, versionProvider = SupportCli.Version.class,
        description = {"Support tooling for CaseClock: find failed sync events, understand them, replay them safely, "
                + "and gather a diagnostics bundle.",
                "Service URLs and the bearer token come from the environment (source .local/stack.env; "
                        + "CASECLOCK_TOKEN) or from --timeentry-url, --matter-cache-url, --connector-url, --token."},
        subcommands = {ListCommand.class, ShowCommand.class, ReplayCommand.class, ResolveCommand.class,
                ResyncCommand.class, LookupCommand.class, BundleCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:unexpected failure in the CLI", "2:bad command line (or no token)",
                "3:a service answered with an error (its problem detail is printed)",
                "4:a service could not be reached or answered something that is not JSON",
                "5:bundle written, but a service's part is missing", "6:bundle file could not be written"})
public final class SupportCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: list, show, replay, resolve, resync, "
                + "lookup or bundle (see --help)");
    }

    /** Runs the CLI and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(System.getenv(), out, err, args));
    }

    /**
     * Runs one command line (tests call this instead of {@link #main}).
     *
     * @param env  the environment the defaults come from ({@link EnvDefaults})
     * @param out  standard output
     * @param err  standard error
     * @param args the arguments
     * @return the exit code ({@link ExitCodes})
     */
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        return commandLine(env, out, err).execute(args);
    }

    /** @return the configured command line (defaults from {@code env}, output to {@code out}/{@code err}) */
    public static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new SupportCli());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setDefaultValueProvider(new EnvDefaults(env));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            int code;
            if (ex instanceof ServiceError s) {
                e.println("error: " + s.getMessage());
                s.fieldErrors().forEach(f -> e.println("  " + f));
                code = ExitCodes.SERVICE_ERROR;
            } else if (ex instanceof ServiceUnreachable u) {
                e.println("error: " + u.getMessage());
                code = ExitCodes.UNREACHABLE;
            } else if (ex instanceof BundleCommand.BundleNotWritten w) {
                e.println("error: " + w.getMessage());
                code = ExitCodes.NOT_WRITTEN;
            } else {
                e.println("error: " + ex);
                code = ExitCodes.SOFTWARE;
            }
            e.flush();
            return code;
        });
        return cmd;
    }

    /** @return this CLI's version (from the jar's manifest), or {@code dev} when run from classes */
    public static String version() {
        String v = SupportCli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Prints the version for {@code --version}. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"caseclock-support " + version()};
        }
    }
}
