package com.caseclock.cliosandbox;

import com.caseclock.cliosandbox.faults.Faults;
import com.caseclock.cliosandbox.http.ActivitiesApi;
import com.caseclock.cliosandbox.http.AdminApi;
import com.caseclock.cliosandbox.http.ApiRoutes;
import com.caseclock.cliosandbox.http.ClioApiHandler;
import com.caseclock.cliosandbox.http.ContactsApi;
import com.caseclock.cliosandbox.http.MattersApi;
import com.caseclock.cliosandbox.http.RateLimiter;
import com.caseclock.cliosandbox.http.RatesApi;
import com.caseclock.cliosandbox.http.UsersApi;
import com.caseclock.cliosandbox.http.WebhooksApi;
import com.caseclock.cliosandbox.journal.RequestJournal;
import com.caseclock.cliosandbox.oauth.ConsentPolicy;
import com.caseclock.cliosandbox.oauth.OAuthClient;
import com.caseclock.cliosandbox.oauth.OAuthHandler;
import com.caseclock.cliosandbox.oauth.TokenResponse;
import com.caseclock.cliosandbox.oauth.TokenService;
import com.caseclock.cliosandbox.seed.Seed;
import com.caseclock.cliosandbox.seed.SeedLoader;
import com.caseclock.cliosandbox.store.ActivityStore;
import com.caseclock.cliosandbox.store.ContactStore;
import com.caseclock.cliosandbox.store.MatterStore;
import com.caseclock.cliosandbox.store.RateStore;
import com.caseclock.cliosandbox.store.SandboxState;
import com.caseclock.cliosandbox.store.Stores;
import com.caseclock.cliosandbox.store.UserStore;
import com.caseclock.cliosandbox.webhooks.WebhookService;
import com.caseclock.cliosandbox.webhooks.WebhookSettings;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local simulator of the Clio Manage API v4, runnable in-process (tests) or standalone ({@link ClioSandboxMain}).
 *
 * <pre>{@code
 * try (ClioSandbox clio = ClioSandbox.builder().port(0).build().start()) {
 *     String base = clio.baseUrl();                      // http://127.0.0.1:PORT
 *     TokenResponse t = clio.issueToken("harbor-pine", userId);   // or run /oauth/authorize + /oauth/token
 *     clio.faults().inject(FaultMode.HTTP_503, 2);
 *     clio.journal().find("POST", "/activities");
 * }
 * }</pre>
 *
 * Clio paths: {@code /api/v4/<resource>.json} (and suffix-less), {@code /oauth/authorize}, {@code /oauth/token},
 * {@code /oauth/deauthorize}; sandbox admin paths under {@code /_sandbox}. Facts and sources: {@code shared/clio/NOTES.md}
 * and https://docs.developers.clio.com/ .
 */
public final class ClioSandbox implements AutoCloseable {
    /** Default OAuth application of the demo seed. */
    public static final String DEMO_CLIENT_ID = "caseclock-local";

    private final Builder config;
    private final SandboxState state;
    private final TokenService tokens;
    private final RateLimiter limiter;
    private final Faults faults = new Faults();
    private final RequestJournal journal;
    private final ConsentPolicy consent = new ConsentPolicy();
    private Vertx vertx;
    private HttpServer server;
    private WebhookService webhooks;
    private SandboxAdmin admin;
    private volatile String baseUrl;

    private ClioSandbox(Builder b) {
        this.config = b;
        this.state = new SandboxState(b.clock);
        this.tokens = new TokenService(b.region, b.clock, b.accessTokenTtl);
        this.limiter = new RateLimiter(b.clock, b.rateLimitPerMinute);
        this.journal = new RequestJournal(b.clock, b.journalCapacity);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port, loads the seed and starts serving. Blocks until ready (at most 30 s). */
    public synchronized ClioSandbox start() {
        if (vertx != null) throw new IllegalStateException("already started");
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2).setInternalBlockingPoolSize(2)
                .setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        webhooks = new WebhookService(state, vertx, faults, config.webhookSettings);
        Stores stores = new Stores(state, new MatterStore(state), new ContactStore(state), new ActivityStore(state),
                new RateStore(state), new UserStore(state), webhooks);
        SeedLoader.load(config.seed != null ? config.seed : Seed.demo(), stores, tokens);
        config.clients.forEach(tokens::register);
        state.listener(webhooks);
        admin = new SandboxAdmin(stores, tokens, consent, limiter);
        if (config.autoConsentFirm != null) consent.autoConsentAs(config.autoConsentFirm, config.autoConsentUser);

        ApiRoutes routes = new ApiRoutes();
        MattersApi.register(routes, stores);
        ContactsApi.register(routes, stores);
        UsersApi.register(routes, stores);
        ActivitiesApi.register(routes, stores);
        RatesApi.register(routes, stores);
        WebhooksApi.register(routes, stores);

        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(10L * 1024 * 1024));
        router.route(ClioApiHandler.PREFIX + "/*").handler(new ClioApiHandler(vertx, state, routes, tokens, limiter, faults,
                journal, this::publicBaseUrl));
        router.route("/oauth/*").handler(new OAuthHandler(vertx, state, tokens, consent, faults, journal, limiter));
        router.route("/_sandbox*").handler(new AdminApi(admin, faults, journal, this::info));
        router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(
                "<!doctype html><meta charset=utf-8><title>Clio sandbox</title><h1>Clio sandbox</h1>"
                        + "<p>Clio API: <code>/api/v4/…</code>; OAuth: <code>/oauth/authorize</code>; admin: "
                        + "<a href=\"/_sandbox\">/_sandbox</a>.</p>"));
        server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host).setPort(config.port))
                .requestHandler(router);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException("cannot start the Clio sandbox on " + config.host + ":" + config.port, e);
        }
        String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
        baseUrl = "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + server.actualPort();
        return this;
    }

    /** Stops the server and releases all threads. Idempotent. */
    public synchronized void stop() {
        if (vertx == null) return;
        try {
            if (webhooks != null) webhooks.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // best effort
        } finally {
            vertx = null;
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The address the server listens on, e.g. {@code http://127.0.0.1:43125}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code baseUrl() + "/api/v4"}. */
    public String apiUrl() {
        return baseUrl + ClioApiHandler.PREFIX;
    }

    /** The base URL used in {@code meta.paging.next} links: the configured public URL, else {@link #baseUrl()}. */
    public String publicBaseUrl() {
        return config.publicBaseUrl != null ? config.publicBaseUrl : baseUrl;
    }

    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    public Region region() {
        return config.region;
    }

    public Clock clock() {
        return config.clock;
    }

    /** Fault injection (next N requests fail, latency, webhook pause). */
    public Faults faults() {
        return faults;
    }

    /** The request journal of the Clio paths. */
    public RequestJournal journal() {
        return journal;
    }

    /** Changes on Clio's side (matters, contacts, users, rates, rounding, billing, tokens). */
    public SandboxAdmin admin() {
        requireStarted();
        return admin;
    }

    /** Registers an OAuth application (also possible before {@link #start()} via the builder). */
    public ClioSandbox oauthClient(String clientId, String clientSecret, String... redirectUris) {
        tokens.register(new OAuthClient(clientId, clientSecret, List.of(redirectUris), null));
        return this;
    }

    /**
     * Tokens for a user of a firm without the browser step, for the first registered client (demo:
     * {@code caseclock-local}).
     */
    public TokenResponse issueToken(String firmKey, long userId) {
        String client = tokens.client(DEMO_CLIENT_ID).isPresent() ? DEMO_CLIENT_ID
                : tokens.clients().stream().findFirst().map(OAuthClient::clientId)
                        .orElseThrow(() -> new IllegalStateException("no OAuth client registered"));
        return admin().issueToken(client, firmKey, userId);
    }

    private void requireStarted() {
        if (admin == null) throw new IllegalStateException("start() the sandbox first");
    }

    private Map<String, Object> info() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("base_url", baseUrl);
        out.put("api_url", apiUrl());
        out.put("region", config.region.name());
        out.put("rate_limit_per_minute", limiter.limit());
        out.put("access_token_ttl_seconds", config.accessTokenTtl.toSeconds());
        out.put("firms", admin.firmKeys());
        out.put("oauth_clients", tokens.clients().stream().map(OAuthClient::clientId).toList());
        return out;
    }

    /** Configuration of a {@link ClioSandbox}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Seed seed;
        private Clock clock = Clock.systemUTC();
        private int rateLimitPerMinute = 50;
        private Duration accessTokenTtl = Duration.ofDays(30);
        private String publicBaseUrl;
        private Region region = Region.US;
        private WebhookSettings webhookSettings = WebhookSettings.clioDefaults();
        private final List<OAuthClient> clients = new ArrayList<>();
        private String autoConsentFirm;
        private Long autoConsentUser;
        private int journalCapacity = 10_000;

        private Builder() {}

        /** TCP port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Bind address; default {@code 127.0.0.1} (loopback only). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Seed file (JSON). Without a seed the demo seed is loaded. */
        public Builder seed(Path path) {
            this.seed = Seed.fromPath(path);
            return this;
        }

        public Builder seed(Seed seed) {
            this.seed = seed;
            return this;
        }

        /** Clock for timestamps, token/webhook expiry and rate-limit windows (e.g. a {@link MutableClock}). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Requests per access token per 60 s window; default 50 (Clio's peak limit); 0 = off. */
        public Builder rateLimitPerMinute(int limit) {
            this.rateLimitPerMinute = limit;
            return this;
        }

        /** Access-token lifetime ({@code expires_in}); default 30 days. */
        public Builder accessTokenTtl(Duration ttl) {
            this.accessTokenTtl = Objects.requireNonNull(ttl);
            return this;
        }

        /** Base URL used in paging links (e.g. behind a proxy); default the actual {@code http://127.0.0.1:PORT}. */
        public Builder publicBaseUrl(String url) {
            this.publicBaseUrl = url == null ? null : url.replaceAll("/+$", "");
            return this;
        }

        /** Region of this instance (default US); tokens of another region are rejected. */
        public Builder region(Region region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Webhook retry/timeout settings; default Clio's (2 min base, 5 retries). */
        public Builder webhookSettings(WebhookSettings settings) {
            this.webhookSettings = Objects.requireNonNull(settings);
            return this;
        }

        /** Registers an OAuth application in addition to the seed's. */
        public Builder oauthClient(String clientId, String clientSecret, String... redirectUris) {
            clients.add(new OAuthClient(clientId, clientSecret, List.of(redirectUris), null));
            return this;
        }

        /** {@code /oauth/authorize} consents immediately as this user ({@code userId} null = account owner). */
        public Builder autoConsentAs(String firmKey, Long userId) {
            this.autoConsentFirm = firmKey;
            this.autoConsentUser = userId;
            return this;
        }

        /** How many journal entries to keep (oldest dropped); default 10,000. */
        public Builder journalCapacity(int capacity) {
            this.journalCapacity = capacity;
            return this;
        }

        public ClioSandbox build() {
            return new ClioSandbox(this);
        }
    }
}
