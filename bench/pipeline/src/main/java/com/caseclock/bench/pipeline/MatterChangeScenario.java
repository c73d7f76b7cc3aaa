package com.caseclock.bench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 3, matter change → searchable: a matter's description is changed in the sandbox (admin API, a Clio-side
 * change) to contain a new unique word; the latency is from just before that change to the first matter-cache search
 * for the word ({@code GET /api/v1/matters?q=word}, the firm's lawyer, asked every 20 ms, or every
 * 250 ms in the polling half) that returns the matter.
 * Once with webhooks delivered (one change at a time), once with the sandbox's webhooks paused so only the
 * connector's polling brings the change (all samples at once, each in another firm).
 */
final class MatterChangeScenario {
    private static final String S = "3 matter change";
    /** Webhook half: one change at a time, searched for every 20 ms (the figure is in milliseconds). */
    private static final long WEBHOOK_CHECK_MS = 20;
    /**
     * Polling half: all changes at once, each searched for every 250 ms (the figure is tens of seconds). At 20 ms
     * the ten searchers offered ~500 searches/s to matter-cache-service, which in --quick (where this half runs
     * during scenario 4) took CPU from scenario 4's measurement.
     */
    private static final long POLLING_CHECK_MS = 250;
    private final Api api = new Api();
    private final Urls urls;
    private final Results results;
    private final Random random = new Random();

    MatterChangeScenario(Urls urls, Results results) {
        this.urls = urls;
        this.results = results;
    }

    void webhook(List<BenchFirm> firms, int samples, int timeoutSeconds) throws Exception {
        Latencies lat = new Latencies();
        int missed = 0;
        for (int i = 0; i < samples; i++) {
            Long micros = sample(firms.get(i % firms.size()), i, timeoutSeconds, WEBHOOK_CHECK_MS);
            if (micros == null) missed++;
            else lat.add(micros);
        }
        String note = lat.count() + " changes one after another" + (missed > 0 ? ", " + missed + " not found within "
                + timeoutSeconds + " s (left out)" : "");
        results.add(Row.of("s3.webhook.p50", S, "changed → searchable p50, webhook", lat.ms(50), "ms").withNote(note));
        results.add(Row.of("s3.webhook.p99", S, "changed → searchable p99, webhook", lat.ms(99), "ms"));
    }

    void polling(List<BenchFirm> firms, int samples, int timeoutSeconds, String extraNote) throws Exception {
        api.post(urls.sandbox() + "/_sandbox/webhooks/pause", null, Map.of()).ok("pause webhooks");
        Latencies lat = new Latencies();
        int missed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(samples);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                BenchFirm f = firms.get(i % firms.size());
                int k = 1000 + i;
                futures.add(pool.submit(() -> sample(f, k, timeoutSeconds, POLLING_CHECK_MS)));
            }
            for (Future<Long> f : futures) {
                Long micros = f.get();
                if (micros == null) missed++;
                else lat.add(micros);
            }
        } finally {
            pool.shutdown();
            api.post(urls.sandbox() + "/_sandbox/webhooks/resume", null, Map.of()).ok("resume webhooks");
        }
        String note = lat.count() + " changes at once in different firms, webhooks paused, each searched for every "
                + POLLING_CHECK_MS + " ms" + (missed > 0 ? ", " + missed
                + " not found within " + timeoutSeconds + " s (left out)" : "") + extraNote;
        results.add(Row.of("s3.poll.p50", S, "changed → searchable p50, polling only", lat.ms(50), "ms").withNote(note));
        results.add(Row.of("s3.poll.p99", S, "changed → searchable p99, polling only", lat.ms(99), "ms"));
    }

    /** @return microseconds from the change to the matter being found, or {@code null} when not found in time */
    private Long sample(BenchFirm f, int k, int timeoutSeconds, long checkEveryMs) throws InterruptedException {
        long matter = f.matterIds().get(1 + k % (f.matterIds().size() - 1));
        String word = word();
        long start = System.nanoTime();
        api.call("PATCH", urls.sandbox() + "/_sandbox/firms/" + f.sandboxFirm() + "/matters/" + matter, null,
                Map.of("description", "Bench change " + word), null).ok("change matter");
        long deadline = start + timeoutSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode items = api.get(urls.matterCache() + "/api/v1/matters?size=5&q=" + word, f.token()).ok("search")
                    .body().path("items");
            for (JsonNode m : items) {
                if (m.path("id").asLong() == matter) return (System.nanoTime() - start) / 1000;
            }
            Thread.sleep(checkEveryMs);
        }
        return null;
    }

    /** A word no matter contains yet: 10 random letters. */
    private synchronized String word() {
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) b.append((char) ('a' + random.nextInt(26)));
        return b.toString();
    }
}
