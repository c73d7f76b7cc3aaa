package com.caseclock.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole CaseClock system as production runs it, for end-to-end tests: a Kafka broker process, the Clio sandbox
 * with its demo seed, and timeentry-service, matter-cache-service and clio-connector as separate JVMs from their
 * packaged {@code quarkus-run.jar}. Started by the repository's own {@code ./run-local.sh} (the one launcher), with
 * <ul>
 * <li>free ports picked at random, so it never meets a developer's {@code ./run-local.sh} or another build;</li>
 * <li>its own state folder ({@code CASECLOCK_LOCAL_DIR}, default {@code e2e/target/e2e-stack}) and its own databases
 * ({@code CASECLOCK_DB_PREFIX} = {@code cc_e2e_<pid>_<random>_}), dropped again by {@link #close()};</li>
 * <li>{@code RESTART_SERVICES=true}: a service killed with {@link #kill9(String)} is started again by run-local.sh
 * from its recorded command line ({@code <state>/cmd/<service>}), as an orchestrator would;</li>
 * <li>short intervals (see {@link #SERVICE_SETTINGS}), e.g. the connector polls Clio every {@link #POLL_INTERVAL}.</li>
 * </ul>
 * Ready means: run-local.sh wrote {@code stack.env}, which it does only after every service answered
 * {@code /q/health/ready}. {@link #close()} stops everything (SIGTERM to run-local.sh, which stops the services, the
 * sandbox and Kafka in that order; then SIGKILL to whatever of the process tree is left) and drops the databases; a
 * JVM shutdown hook does the same if the tests never get there, and run-local.sh stops by itself when this JVM dies
 * ({@code CASECLOCK_STOP_WITH_PID}). Databases of killed runs are dropped at the next start.
 *
 * <p>Use it through {@link LocalStackExtension} (one stack for the whole test run). Logs of every process:
 * {@link #logFile(String)}; run-local.sh's own output: {@code <state>/run-local.out}.
 */
public final class LocalStack implements AutoCloseable {

    /** Service names, as run-local.sh names them (pids file, {@code cmd/}, logs). */
    public static final String TIMEENTRY = "timeentry-service";
    /** @see #TIMEENTRY */
    public static final String MATTER_CACHE = "matter-cache-service";
    /** @see #TIMEENTRY */
    public static final String CONNECTOR = "clio-connector";

    /** How often the connector polls Clio for changes in this stack ({@code connector.sync.poll-interval}). */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    /**
     * How long a posting job claimed by a connector that died stays with it ({@code connector.posting.lease}); the
     * in-flight settle time is shorter, as the connector requires.
     */
    public static final Duration POSTING_LEASE = Duration.ofSeconds(20);

    /** Service settings of the e2e stack, passed through run-local.sh's environment to the services. */
    public static final Map<String, String> SERVICE_SETTINGS = Map.of(
            "CONNECTOR_SYNC_POLL_INTERVAL", POLL_INTERVAL.toSeconds() + "s",
            "CONNECTOR_SYNC_RETRY_AFTER_FAILURE", "5s",
            "CONNECTOR_SYNC_LEASE", "30s",
            "CONNECTOR_POSTING_LEASE", POSTING_LEASE.toSeconds() + "s",
            "CONNECTOR_POSTING_IN_FLIGHT_SETTLE", "8s",
            "CONNECTOR_POSTING_BACKOFF_INITIAL", "500ms",
            "CONNECTOR_POSTING_BACKOFF_MAX", "5s",
            "MATTER_CACHE_FRESHNESS_POLL_INTERVAL", "1s");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(12);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern E2E_DATABASE = Pattern.compile("cc_e2e_(\\d+)_[a-z0-9]+_[a-z_]+");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final Path root;
    private final Path stateDir;
    private final String dbPrefix;
    private final Map<String, String> pg;
    private final Process runLocal;
    private final Thread shutdownHook;
    private Map<String, String> env = Map.of();
    private boolean closed;

    private LocalStack(Path root, Path stateDir) {
        this.root = root;
        this.stateDir = stateDir;
        this.pg = postgres();
        this.dbPrefix = "cc_e2e_" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 6) + "_";
        dropAbandonedDatabases();
        List<Integer> ports = freePorts(6);
        Map<String, String> environment = new LinkedHashMap<>(SERVICE_SETTINGS);
        environment.put("KAFKA_PORT", String.valueOf(ports.get(0)));
        environment.put("KAFKA_CONTROLLER_PORT", String.valueOf(ports.get(1)));
        environment.put("SANDBOX_PORT", String.valueOf(ports.get(2)));
        environment.put("TIMEENTRY_PORT", String.valueOf(ports.get(3)));
        environment.put("MATTER_CACHE_PORT", String.valueOf(ports.get(4)));
        environment.put("CONNECTOR_PORT", String.valueOf(ports.get(5)));
        environment.put("CASECLOCK_LOCAL_DIR", stateDir.toString());
        environment.put("CASECLOCK_DB_PREFIX", dbPrefix);
        environment.put("RESTART_SERVICES", "true");
        environment.put("CASECLOCK_STOP_WITH_PID", String.valueOf(ProcessHandle.current().pid()));
        environment.put("READY_TIMEOUT", "300");
        environment.putAll(pg);
        try {
            Files.createDirectories(stateDir);
            Files.deleteIfExists(stateDir.resolve("stack.env"));
            ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("run-local.sh").toString(), "--reset")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(stateDir.resolve("run-local.out").toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment);
            runLocal = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start run-local.sh", e);
        }
        shutdownHook = new Thread(this::stop, "e2e-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts the stack and waits until it is ready (up to 12 minutes: the first run of a checkout resolves the
     * broker's class path with Maven).
     *
     * @return the running stack; {@link #close()} it
     * @throws IllegalStateException when run-local.sh gives up (its output is in the message)
     */
    public static LocalStack start() {
        Path root = Path.of(System.getProperty("caseclock.root", findRoot().toString())).toAbsolutePath().normalize();
        Path state = Path.of(System.getProperty("caseclock.e2e.dir", root.resolve("e2e/target/e2e-stack").toString()))
                .toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root, state);
        try {
            stack.awaitStarted();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void awaitStarted() {
        long t0 = System.nanoTime();
        Path stackEnv = stateDir.resolve("stack.env");
        await("run-local.sh writes " + stackEnv).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!runLocal.isAlive()) {
                        throw new IllegalStateException("run-local.sh exited with status " + runLocal.exitValue()
                                + " before the stack was ready:\n" + tail(stateDir.resolve("run-local.out"), 60));
                    }
                    return Files.exists(stackEnv);
                });
        env = StackEnv.parse(stackEnv);
        System.out.printf("[e2e] stack ready in %d s (state %s, databases %s)%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), stateDir, env.get("CASECLOCK_DATABASES"));
    }

    // --- what the stack offers ----------------------------------------------------------------------------------------

    /** @return every variable of {@code stack.env} (URLs, OAuth application, tokens, state folder, databases) */
    public Map<String, String> env() {
        return env;
    }

    /** @return one variable of {@code stack.env} */
    public String env(String name) {
        String value = env.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is not in stack.env");
        }
        return value;
    }

    /** @return timeentry-service's base URL, e.g. {@code http://localhost:41234} */
    public String timeentryUrl() {
        return env("TIMEENTRY_URL");
    }

    /** @return matter-cache-service's base URL */
    public String matterCacheUrl() {
        return env("MATTER_CACHE_URL");
    }

    /** @return clio-connector's base URL */
    public String connectorUrl() {
        return env("CONNECTOR_URL");
    }

    /** @return the Clio sandbox's base URL (its admin API is under {@code /_sandbox}) */
    public String sandboxUrl() {
        return env("CLIO_SANDBOX_URL");
    }

    /** @return the broker's bootstrap servers, {@code 127.0.0.1:PORT} */
    public String kafkaBootstrapServers() {
        return env("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** @return the sandbox's admin API */
    public SandboxAdmin sandbox() {
        return new SandboxAdmin(sandboxUrl());
    }

    /** @return the bearer token of dana, lawyer at harbor-pine (Clio user 100 in the sandbox) */
    public String tokenLawyer() {
        return env("TOKEN_LAWYER");
    }

    /** @return the bearer token of lucia, lawyer at nunez-oconnor */
    public String tokenLawyerOtherFirm() {
        return env("TOKEN_LAWYER_OTHER_FIRM");
    }

    /** @return the bearer token of priya, firm admin of harbor-pine */
    public String tokenAdmin() {
        return env("TOKEN_ADMIN");
    }

    /** @return the bearer token of sam, CaseClock support */
    public String tokenSupport() {
        return env("TOKEN_SUPPORT");
    }

    /**
     * Mints a bearer token the services trust, for another identity (run-local.sh's MintTokens, valid one day).
     *
     * @param firm  firm id ({@code firm_id})
     * @param user  CaseClock user id ({@code sub})
     * @param roles roles ({@code groups}): lawyer, firm-admin, support
     * @return the compact JWT
     */
    public String mintToken(String firm, String user, String... roles) {
        try {
            String cp = stateDir.resolve("helpers") + ":" + Files.readString(stateDir.resolve("tools.classpath")).trim();
            Process p = new ProcessBuilder("java", "-cp", cp, "MintTokens",
                    stateDir.resolve("secrets/jwt-private.pem").toString(), env("CASECLOCK_JWT_ISSUER"), "1", firm, user,
                    String.join(",", roles)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("MintTokens failed");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the state folder of this stack (logs/, pids, cmd/, kafka/, secrets/, stack.env) */
    public Path stateDir() {
        return stateDir;
    }

    /** @return the log of a process: a service name, {@code clio-sandbox} or {@code kafka} */
    public Path logFile(String process) {
        return stateDir.resolve("logs").resolve(process + ".log");
    }

    /** @return the base URL of a service ({@link #TIMEENTRY}, {@link #MATTER_CACHE} or {@link #CONNECTOR}) */
    public String serviceUrl(String service) {
        return switch (service) {
            case TIMEENTRY -> timeentryUrl();
            case MATTER_CACHE -> matterCacheUrl();
            case CONNECTOR -> connectorUrl();
            default -> throw new IllegalArgumentException("not a service: " + service);
        };
    }

    // --- crashing and restarting ------------------------------------------------------------------------------------

    /**
     * @param process a service name, {@code clio-sandbox} or {@code kafka}
     * @return the process id of its latest start (run-local.sh appends {@code name pid} to {@code <state>/pids} on
     *         every start)
     */
    public long pid(String process) {
        try {
            long pid = -1;
            for (String line : Files.readAllLines(stateDir.resolve("pids"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2 && f[0].equals(process)) {
                    pid = Long.parseLong(f[1]);
                }
            }
            if (pid < 0) {
                throw new IllegalStateException(process + " was never started");
            }
            return pid;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills a service with SIGKILL (no shutdown of any kind) and waits until it is gone. run-local.sh starts it again
     * at once; wait for that with {@link #awaitRestarted(String, long)}.
     *
     * @return the pid that was killed
     */
    public long kill9(String service) {
        long pid = pid(service);
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
        handle.destroyForcibly(); // SIGKILL on Linux
        handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        return pid;
    }

    /** Waits until a killed service runs again under a new pid and reports ready. */
    public void awaitRestarted(String service, long killedPid) {
        await(service + " restarted by run-local.sh").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> pid(service) != killedPid && ready(service));
    }

    /** @return whether the service's {@code /q/health/ready} answers 200 */
    public boolean ready(String service) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(serviceUrl(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // --- tear-down ----------------------------------------------------------------------------------------------------

    /** Stops every process of the stack and drops its databases; safe to call twice. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        runLocal.descendants().forEach(tree::add);
        pidsFromFile().forEach(pid -> ProcessHandle.of(pid).ifPresent(tree::add));
        runLocal.destroy(); // SIGTERM: run-local.sh stops the services, the sandbox, then Kafka
        try {
            if (!runLocal.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.out.println("[e2e] run-local.sh did not stop in time; killing what is left");
                runLocal.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : tree) {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
        }
        dropDatabases(List.of(dbPrefix + "timeentry", dbPrefix + "matter_cache", dbPrefix + "clio_connector"));
        System.out.println("[e2e] stack stopped, databases " + dbPrefix + "* dropped; logs in " + stateDir.resolve("logs"));
    }

    private List<Long> pidsFromFile() {
        List<Long> pids = new ArrayList<>();
        try {
            Path file = stateDir.resolve("pids");
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 2 && f[1].matches("\\d+")) {
                        pids.add(Long.parseLong(f[1]));
                    }
                }
            }
        } catch (IOException e) {
            // nothing to add
        }
        return pids;
    }

    // --- PostgreSQL ---------------------------------------------------------------------------------------------------

    /** The server the services use: CASECLOCK_TEST_PG_* (as every other test), else PG*, else the local default. */
    private static Map<String, String> postgres() {
        Map<String, String> pg = new LinkedHashMap<>();
        pg.put("PGHOST", setting("CASECLOCK_TEST_PG_HOST", "PGHOST", "127.0.0.1"));
        pg.put("PGPORT", setting("CASECLOCK_TEST_PG_PORT", "PGPORT", "5432"));
        pg.put("PGUSER", setting("CASECLOCK_TEST_PG_USER", "PGUSER", "postgres"));
        pg.put("PGPASSWORD", setting("CASECLOCK_TEST_PG_PASSWORD", "PGPASSWORD", ""));
        return pg;
    }

    private static String setting(String first, String second, String fallback) {
        for (String name : new String[] {first, second}) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return fallback;
    }

    private Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + pg.get("PGHOST") + ":" + pg.get("PGPORT") + "/postgres",
                pg.get("PGUSER"), pg.get("PGPASSWORD"));
    }

    private void dropDatabases(List<String> names) {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.out.println("[e2e] could not drop " + names + ": " + e.getMessage());
        }
    }

    /** Drops the databases of e2e runs whose JVM is gone (a killed build). */
    private void dropAbandonedDatabases() {
        List<String> abandoned = new ArrayList<>();
        try (Connection c = adminConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'cc\\_e2e\\_%'")) {
            while (rs.next()) {
                Matcher m = E2E_DATABASE.matcher(rs.getString(1));
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    abandoned.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable on " + pg.get("PGHOST") + ":" + pg.get("PGPORT")
                    + " as " + pg.get("PGUSER") + " (see README.md)", e);
        }
        if (!abandoned.isEmpty()) {
            System.out.println("[e2e] dropping databases of earlier runs that were killed: " + abandoned);
            dropDatabases(abandoned);
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private static List<Integer> freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0);
                sockets.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a probe socket
                }
            }
        }
    }

    private static Path findRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("run-local.sh"))) {
                return p;
            }
        }
        throw new IllegalStateException("run-local.sh not found above " + Path.of("").toAbsolutePath()
                + " (set -Dcaseclock.root)");
    }

    /** @return the last lines of a text file, or a note that it is missing */
    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LocalStack[%s, databases %s*]", stateDir, dbPrefix);
    }
}
