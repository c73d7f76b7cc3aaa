package com.caseclock.bench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Creates the benchmark firms: for each, a Clio user, a client and open matters in a sandbox firm (through the
 * sandbox's admin API, as Clio-side changes), a CaseClock lawyer token, the OAuth connection through the connector
 * (consent without the browser: {@code sandbox_firm}/{@code sandbox_user}), and waits until timeentry-service knows
 * the firm's matters (a warm-up entry can be approved) and that warm-up entry is SYNCED (up to 10 minutes).
 *
 * <p>The benchmark firms are spread round-robin over the sandbox's firms (Clio accounts); {@code bench/run.sh} seeds
 * 20, so each CaseClock firm has a Clio account of its own, with its own lawyer, connection, access token and
 * rate-limit budget, and a matter change reaches one connection's webhook only.
 */
final class FirmSetup {
    private final Api api = new Api();
    private final Urls urls;
    private final Tokens tokens;

    FirmSetup(Urls urls, Tokens tokens) {
        this.urls = urls;
        this.tokens = tokens;
    }

    /**
     * @param count          number of firms
     * @param mattersPerFirm open matters per firm
     * @return the connected, warmed-up firms
     * @throws Exception when a step fails or times out (10 minutes)
     */
    List<BenchFirm> create(int count, int mattersPerFirm) throws Exception {
        api.call("PUT", urls.sandbox() + "/_sandbox/rate-limit", null, Map.of("per_minute", 0), null).ok("rate limit off");
        List<String> sandboxFirms = new ArrayList<>();
        api.get(urls.sandbox() + "/_sandbox", null).ok("sandbox info").body().path("firms")
                .forEach(f -> sandboxFirms.add(f.isTextual() ? f.asText() : f.path("key").asText()));
        if (sandboxFirms.isEmpty()) throw new IllegalStateException("the sandbox has no firms");
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 10));
        try {
            List<Future<BenchFirm>> futures = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                int n = i;
                String sandboxFirm = sandboxFirms.get((i - 1) % sandboxFirms.size());
                futures.add(pool.submit(() -> connect(n, suffix, sandboxFirm, mattersPerFirm)));
            }
            List<BenchFirm> firms = new ArrayList<>();
            for (Future<BenchFirm> f : futures) firms.add(f.get());
            List<Future<?>> warm = new ArrayList<>();
            for (BenchFirm f : firms) warm.add(pool.submit(() -> warmUp(f)));
            for (Future<?> w : warm) w.get();
            return firms;
        } finally {
            pool.shutdownNow();
        }
    }

    private BenchFirm connect(int n, String suffix, String sandboxFirm, int mattersPerFirm) {
        String firmId = String.format("bench-%02d-%s", n, suffix);
        String userId = String.format("lawyer-%02d", n);
        String admin = urls.sandbox() + "/_sandbox/firms/" + sandboxFirm;
        long clioUser = api.post(admin + "/users", null, Map.of("first_name", "Bench", "last_name",
                String.format("Lawyer %02d %s", n, suffix), "email", String.format("lawyer%02d.%s@bench.example", n, suffix),
                "rate", 300, "subscription_type", "Attorney")).ok("create Clio user").body().path("data").path("id").asLong();
        long client = api.post(admin + "/contacts", null, Map.of("type", "Company", "name",
                String.format("Bench Client %02d %s", n, suffix), "is_client", true)).ok("create client").body()
                .path("data").path("id").asLong();
        List<Long> matters = new ArrayList<>();
        for (int m = 0; m < mattersPerFirm; m++) {
            matters.add(api.post(admin + "/matters", null, Map.of("description",
                    String.format("Bench matter %02d-%d %s", n, m, suffix), "client", Map.of("id", client), "status",
                    "open", "responsible_attorney", Map.of("id", clioUser))).ok("create matter").body().path("data")
                    .path("id").asLong());
        }
        String token = tokens.mint(firmId, userId, "lawyer");
        String authorize = api.post(urls.connector() + "/api/v1/connections/clio", token, Map.of())
                .ok("start connection").body().path("authorizeUrl").asText();
        JsonNode connection = api.get(authorize + "&sandbox_firm=" + sandboxFirm + "&sandbox_user=" + clioUser, null)
                .ok("OAuth consent and callback").body();
        if (!"CONNECTED".equals(connection.path("state").asText())) {
            throw new IllegalStateException(firmId + " did not connect: " + connection);
        }
        return new BenchFirm(firmId, userId, token, sandboxFirm, clioUser, List.copyOf(matters));
    }

    /** Approves one entry per matter-known firm (retrying while the matters are not yet synced) and waits for SYNCED. */
    private Void warmUp(BenchFirm f) throws InterruptedException {
        Entries entries = new Entries(api, urls.timeentry());
        Entries.Draft d = entries.create(f, f.matterIds().get(0), 600, "bench warm-up");
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (true) {
            Api.Reply r = api.call("POST", urls.timeentry() + "/api/v1/time-entries/" + d.id() + "/approve", f.token(),
                    null, "\"" + d.version() + "\"");
            if (r.status() == 200) break;
            if (r.status() != 422 || System.nanoTime() > deadline) {
                throw new IllegalStateException(f.firmId() + ": warm-up approval answered " + r.status() + " " + r.body());
            }
            Thread.sleep(500);
        }
        while (!"SYNCED".equals(entries.status(f, d.id()))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(f.firmId() + ": warm-up entry not SYNCED");
            Thread.sleep(250);
        }
        return null;
    }
}
