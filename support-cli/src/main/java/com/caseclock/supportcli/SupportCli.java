package com.caseclock.supportcli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.caseclock.supportcli.bundle.Redactor;
import com.caseclock.supportcli.command.BundleCommand;
import com.caseclock.supportcli.command.EnvDefaults;
import com.caseclock.supportcli.command.ListCommand;
import com.caseclock.supportcli.command.LookupCommand;
import com.caseclock.supportcli.command.ReplayCommand;
import com.caseclock.supportcli.command.ResolveCommand;
import com.caseclock.supportcli.command.ResyncCommand;
import com.caseclock.supportcli.command.ServiceOptions;
import com.caseclock.supportcli.command.ShowCommand;
import com.caseclock.supportcli.http.ServiceError;
import com.caseclock.supportcli.http.ServiceUnreachable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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
            Redactor redactor = new Redactor(secrets(env, commandLine));
            int code;
            if (ex instanceof ServiceError s) {
                e.println("error: " + redactor.redactText(s.getMessage()));
                s.fieldErrors().forEach(f -> e.println("  " + redactor.redactText(f)));
                code = ExitCodes.SERVICE_ERROR;
            } else if (ex instanceof ServiceUnreachable u) {
                e.println("error: " + redactor.redactText(u.getMessage()));
                code = ExitCodes.UNREACHABLE;
            } else if (ex instanceof BundleCommand.BundleNotWritten w) {
                e.println("error: " + redactor.redactText(w.getMessage()));
                code = ExitCodes.NOT_WRITTEN;
            } else {
                e.println("error: " + redactor.redactText(String.valueOf(ex)));
                code = ExitCodes.SOFTWARE;
            }
            e.flush();
            return code;
        });
        return cmd;
    }

    /**
     * @return the bearer token values that must never be printed: {@code CASECLOCK_TOKEN} and the failing command's
     *         {@code --token}, as given and stripped, and each of their whitespace-separated pieces (a token pasted
     *         with a line break appears split in messages)
     */
    static List<String> secrets(Map<String, String> env, CommandLine failing) {
        List<String> values = new ArrayList<>();
        values.add(env.get(EnvDefaults.TOKEN));
        for (CommandLine c = failing; c != null; c = c.getParent()) {
            OptionSpec token = c.getCommandSpec().findOption(ServiceOptions.TOKEN_OPTION);
            if (token != null && token.getValue() instanceof String s) {
                values.add(s);
            }
        }
        List<String> secrets = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                secrets.add(v);
                secrets.add(v.strip());
                secrets.addAll(List.of(v.strip().split("[\\s\\p{Cntrl}]+")));
            }
        }
        // longest first, so a whole token is replaced before any of its pieces
        return secrets.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
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
