package com.caseclock.supportcli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.caseclock.supportcli.ExitCodes;
import com.caseclock.supportcli.SupportCli;
import com.caseclock.supportcli.bundle.BundleAssembler;
import com.caseclock.supportcli.bundle.BundleAssembler.Section;
import com.caseclock.supportcli.bundle.Redactor;
import com.caseclock.supportcli.http.ServiceClient;
import com.caseclock.supportcli.http.ServiceError;
import com.caseclock.supportcli.http.ServiceUnreachable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bundle}: gathers the diagnostics of a user (or a firm) from the three services'
 * {@code GET /api/v1/support/diagnostics} endpoints and writes them as one JSON document (see
 * {@link BundleAssembler}), credentials redacted.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Gather everything support needs about a user (or a firm) into one JSON file: connection "
                + "status and region, last sync per resource, webhook state, recent failures with reasons, an "
                + "entry's timeline from capture to Clio with event ids, the rate explanation for a matter, and the "
                + "services' versions. Tokens and secrets are redacted and the file is re-checked before it is "
                + "written.",
                "The Clio user id for the rate explanation is taken from the user's connection status unless "
                        + "--clio-user is given."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written, every service answered", "2:bad command line",
                "5:written, but a service's part is missing (its error is in the file)",
                "6:the file could not be written"})
public final class BundleCommand implements Callable<Integer> {

    /** The diagnostics path, the same on every service. */
    static final String DIAGNOSTICS = "/api/v1/support/diagnostics";

    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions services;

    @Option(names = "--user", paramLabel = "USER", description = "CaseClock user id (e.g. dana)")
    String user;

    @Option(names = "--firm", paramLabel = "FIRM", description = "Firm id (required with a support token)")
    String firm;

    @Option(names = "--entry", paramLabel = "ENTRY_ID", description = "A time entry whose timeline to include")
    UUID entry;

    @Option(names = "--matter", paramLabel = "MATTER_ID", description = "A Clio matter id whose rate to explain")
    Long matter;

    @Option(names = "--clio-user", paramLabel = "CLIO_USER_ID",
            description = "The user's Clio user id for the rate explanation (default: from the connection status)")
    Long clioUser;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
            description = "Where to write the bundle (JSON); - for standard output. An existing FILE must be a "
                    + "writable regular file (not a symbolic link, directory or device); it is replaced as a whole.")
    String output;

    private final Clock clock;

    /** A bundle command on the system clock. */
    public BundleCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock of {@code generatedAt} */
    public BundleCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (user == null && firm == null) {
            throw new ParameterException(spec.commandLine(), "Give --user (and --firm for a support token) or --firm");
        }
        if (firm == null && services.claimedRoles().contains("support")) {
            throw new ParameterException(spec.commandLine(), "A support token sees every firm: name one with --firm");
        }
        if (matter != null && matter <= 0 || clioUser != null && clioUser <= 0) {
            throw new ParameterException(spec.commandLine(), "--matter and --clio-user are positive Clio ids");
        }
        ServiceClient timeentry = services.timeentry();
        ServiceClient connector = services.connector();
        ServiceClient matterCache = services.matterCache();
        if (!"-".equals(output)) {
            refuseUnsafeTarget(target()); // before calling the services; checked again when writing
        }
        List<String> notes = new ArrayList<>();
        List<Section> sections = new ArrayList<>();

        Map<String, Object> query = new LinkedHashMap<>();
        query.put("firmId", firm);
        query.put("userId", user);
        query.put("entryId", entry);
        Section te = fetch(timeentry, query);
        sections.add(te);
        Section cc = fetch(connector, query);
        sections.add(cc);

        Long clioUserId = clioUser != null ? clioUser : clioUserOf(te, cc);
        Map<String, Object> mcQuery = new LinkedHashMap<>();
        mcQuery.put("firmId", firm);
        if (matter != null && clioUserId != null) {
            mcQuery.put("matterId", matter);
            mcQuery.put("userId", clioUserId);
        } else if (matter != null) {
            notes.add("No rate explanation: the user's Clio user id is unknown (no connection status received); "
                    + "pass --clio-user.");
        }
        sections.add(fetch(matterCache, mcQuery));

        ObjectNode bundle = BundleAssembler.assemble(clock.instant(), "caseclock-support " + SupportCli.version(),
                new BundleAssembler.Request(firm, user, entry == null ? null : entry.toString(), matter,
                        matter == null ? null : clioUserId),
                sections, notes, new Redactor(List.of(services.token())));
        write(bundle);

        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = "-".equals(output) ? err : spec.commandLine().getOut();
        boolean complete = sections.stream().allMatch(Section::ok);
        for (Section s : sections) {
            out.println(s.service() + ": " + (s.ok()
                    ? "ok (version " + BundleAssembler.version(s.diagnostics()) + ")"
                    : "MISSING - " + s.error().path("message").asText()));
        }
        notes.forEach(n -> out.println("note: " + n));
        out.println(("-".equals(output) ? "Bundle printed" : "Bundle written to " + output) + "; "
                + bundle.path("redactions").asInt() + " value(s) redacted");
        out.flush();
        return complete ? ExitCodes.OK : ExitCodes.PARTIAL_BUNDLE;
    }

    /** Calls one service's diagnostics; a failure becomes the section's {@code error}, not an exit. */
    private static Section fetch(ServiceClient client, Map<String, Object> query) {
        String source = "GET " + client.url(DIAGNOSTICS, query);
        try {
            return new Section(client.service(), source, client.get(DIAGNOSTICS, query), null);
        } catch (ServiceError e) {
            ObjectNode error = Output.JSON.createObjectNode();
            error.put("status", e.status());
            error.put("title", e.title());
            error.put("detail", e.detail());
            error.put("message", e.getMessage());
            e.fieldErrors().forEach(error.putArray("fieldErrors")::add);
            return new Section(client.service(), source, null, error);
        } catch (ServiceUnreachable e) {
            ObjectNode error = Output.JSON.createObjectNode();
            error.putNull("status");
            error.put("title", "Unreachable");
            error.put("message", e.getMessage());
            return new Section(client.service(), source, null, error);
        }
    }

    /**
     * @return the requested user's Clio user id from timeentry-service's {@code connections[].connection}, else from
     *         the connector's {@code connections[]}, else {@code null}
     */
    private Long clioUserOf(Section timeentry, Section connector) {
        if (user == null) {
            return null;
        }
        if (timeentry.ok()) {
            for (JsonNode c : timeentry.diagnostics().path("connections")) {
                JsonNode id = c.path("connection").path("clioUserId");
                if (user.equals(c.path("userId").asText()) && id.canConvertToLong() && id.asLong() > 0) {
                    return id.asLong();
                }
            }
        }
        if (connector.ok()) {
            for (JsonNode c : connector.diagnostics().path("connections")) {
                JsonNode id = c.path("clioUserId");
                if (user.equals(c.path("userId").asText()) && id.canConvertToLong() && id.asLong() > 0) {
                    return id.asLong();
                }
            }
        }
        return null;
    }

    private void write(ObjectNode bundle) {
        String text;
        try {
            text = Output.JSON.writeValueAsString(bundle) + System.lineSeparator();
        } catch (IOException e) {
            throw new IllegalStateException("Could not serialise the bundle", e);
        }
        if ("-".equals(output)) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        Path target = target();
        refuseUnsafeTarget(target);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), ".bundle-", ".json.tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            refuseUnsafeTarget(target); // again, right before replacing it
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new BundleNotWritten("Could not write " + target + ": " + reason(e, target), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write already failed; that failure is what is reported
                }
            }
        }
    }

    /**
     * @return {@code -o} as an absolute path
     * @throws ParameterException (exit 2) when it is empty or not a valid path
     */
    private Path target() {
        if (output.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for -o: empty path (give a file, or - "
                    + "for standard output)");
        }
        try {
            return Path.of(output).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for -o: not a valid path ("
                    + e.getReason() + ")");
        }
    }

    /**
     * Refuses an existing {@code -o} that is not a regular file we may write: a symbolic link (not followed, not
     * replaced), a directory, a device, pipe or socket, or a file without write permission; and a missing parent
     * directory.
     *
     * @throws BundleNotWritten (exit {@value ExitCodes#NOT_WRITTEN}) with the reason
     */
    private static void refuseUnsafeTarget(Path target) {
        String why = null;
        Path parent = target.getParent();
        if (Files.isSymbolicLink(target)) {
            why = "is a symbolic link (give the path of the file itself)";
        } else if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            why = "is a directory";
        } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                why = "is not a regular file (a device, pipe or socket)";
            } else if (!Files.isWritable(target)) {
                why = "is not writable (permission denied)";
            }
        } else if (parent == null || !Files.isDirectory(parent)) {
            why = "directory " + parent + " does not exist";
        }
        if (why != null) {
            throw new BundleNotWritten("Could not write " + target + ": " + why, null);
        }
    }

    /** @return why an I/O operation failed, in plain words (a JDK file exception's message is often only a path) */
    private static String reason(IOException e, Path target) {
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "no such file or directory";
        } else if (e instanceof NotDirectoryException) {
            why = "not a directory";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason();
        } else if (e instanceof FileSystemException) {
            why = e.getClass().getSimpleName();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (e instanceof FileSystemException f && f.getFile() != null && !f.getFile().equals(target.toString())) {
            Path file = Path.of(f.getFile());
            boolean temporary = file.getFileName() != null && file.getFileName().toString().startsWith(".bundle-");
            if (!temporary) {
                why += " (on " + file + ")";
            } else if (f.getOtherFile() != null) {
                why += " (moving the finished bundle into place)";
            } else {
                why += " (writing a temporary file in " + file.getParent() + ")";
            }
        }
        return why;
    }

    /** The bundle file could not be written (exit {@value ExitCodes#NOT_WRITTEN}). */
    public static final class BundleNotWritten extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BundleNotWritten(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
