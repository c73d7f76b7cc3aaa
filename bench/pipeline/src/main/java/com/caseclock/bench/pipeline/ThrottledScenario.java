package com.caseclock.bench.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 2, throttled export: the sandbox limits every access token to {@value #PER_MINUTE} requests per minute
 * (Clio's peak limit), every firm gets a backlog larger than its budget for the window, approved in bulk at once.
 *
 * <ul>
 *   <li>budget used = Clio API requests the sandbox answered with anything but 429 during the window (its request
 *       journal; every request of the connector counts, posting or syncing) ÷ ({@value #PER_MINUTE} × connections ×
 *       window minutes). The sandbox's windows are fixed 60 s per token and start with the token's first request, so
 *       over a window of one or two minutes the share can exceed 100 % slightly.</li>
 *   <li>429s = journal entries with status 429 from the approval until the backlog is drained.</li>
 *   <li>After the window the limit is switched off and the scenario waits until no entry is APPROVED; lost = entries
 *       not SYNCED then; duplicated = entries with more than one activity in the sandbox (matched by the unique note).</li>
 * </ul>
 */
final class ThrottledScenario {
    static final int PER_MINUTE = 50;
    private static final String S = "2 throttled export";
    private final Api api = new Api();
    private final Urls urls;
    private final Entries entries;
    private final Results results;

    ThrottledScenario(Urls urls, Results results) {
        this.urls = urls;
        this.entries = new Entries(api, urls.timeentry());
        this.results = results;
    }

    void run(List<BenchFirm> firms, int perFirm, int windowSeconds, int drainSeconds) throws Exception {
        String tag = "thr" + Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("[scenario 2] creating %d drafts (%d firms × %d)%n", perFirm * firms.size(), firms.size(),
                perFirm);
        Map<BenchFirm, List<Entries.Draft>> drafts = new HashMap<>();
        Map<String, BenchFirm> firmOf = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Map<BenchFirm, List<Future<Entries.Draft>>> futures = new HashMap<>();
            for (BenchFirm f : firms) {
                List<Future<Entries.Draft>> list = new ArrayList<>();
                for (int i = 0; i < perFirm; i++) {
                    long matter = f.matterIds().get(i % f.matterIds().size());
                    String note = "bench " + tag + " " + f.firmId() + " #" + i;
                    list.add(pool.submit(() -> entries.create(f, matter, 900, note)));
                }
                futures.put(f, list);
            }
            for (BenchFirm f : firms) {
                List<Entries.Draft> list = new ArrayList<>();
                for (Future<Entries.Draft> d : futures.get(f)) {
                    list.add(d.get());
                    firmOf.put(list.get(list.size() - 1).id(), f);
                }
                drafts.put(f, list);
            }
        } finally {
            pool.shutdown();
        }
        api.call("DELETE", urls.sandbox() + "/_sandbox/journal", null, null, null).ok("clear journal");
        api.call("PUT", urls.sandbox() + "/_sandbox/rate-limit", null, Map.of("per_minute", PER_MINUTE), null)
                .ok("rate limit on");
        Instant t0 = Instant.now();
        try {
            for (BenchFirm f : firms) {
                List<Entries.Draft> list = drafts.get(f);
                for (int from = 0; from < list.size(); from += 500) {
                    entries.approveAll(f, list.subList(from, Math.min(list.size(), from + 500)));
                }
            }
            System.out.printf("[scenario 2] backlog approved; throttled window of %d s%n", windowSeconds);
            Thread.sleep(windowSeconds * 1000L);
        } finally {
            api.call("PUT", urls.sandbox() + "/_sandbox/rate-limit", null, Map.of("per_minute", 0), null)
                    .ok("rate limit off");
        }
        Instant t1 = t0.plusSeconds(windowSeconds);
        System.out.println("[scenario 2] limit off; waiting for the backlog to drain");
        long deadline = System.nanoTime() + drainSeconds * 1_000_000_000L;
        long approved;
        do {
            Thread.sleep(1000);
            approved = 0;
            for (BenchFirm f : firms) approved += entries.count(f, "APPROVED");
        } while (approved > 0 && System.nanoTime() < deadline);

        long used = 0;
        long throttled = 0;
        for (JsonNode e : api.get(urls.sandbox() + "/_sandbox/journal", null).ok("journal").body().path("data")) {
            Instant at = Instant.parse(e.path("at").asText());
            int status = e.path("status").asInt();
            if (status == 429) throttled++;
            else if (status != 0 && !at.isBefore(t0) && at.isBefore(t1)) used++;
        }
        double budget = PER_MINUTE * firms.size() * (windowSeconds / 60.0);

        long lost = 0;
        for (Map.Entry<String, BenchFirm> e : firmOf.entrySet()) {
            if (!"SYNCED".equals(entries.status(e.getValue(), e.getKey()))) lost++;
        }
        Map<String, Integer> activitiesPerNote = new HashMap<>();
        Set<String> sandboxFirms = new LinkedHashSet<>();
        for (BenchFirm f : firms) sandboxFirms.add(f.sandboxFirm());
        for (String sf : sandboxFirms) {
            for (JsonNode a : api.get(urls.sandbox() + "/_sandbox/firms/" + sf + "/activities", null).ok("activities")
                    .body().path("data")) {
                String note = a.path("note").asText("");
                if (note.startsWith("bench " + tag + " ")) activitiesPerNote.merge(note, 1, Integer::sum);
            }
        }
        long duplicated = activitiesPerNote.values().stream().filter(c -> c > 1).count();
        int n = perFirm * firms.size();
        results.add(Row.of("s2.budget", S, "share of the request budget used", 100.0 * used / budget, "%")
                .withNote(used + " requests answered (not 429) in " + windowSeconds + " s of " + Report.num(budget)
                        + " allowed (" + PER_MINUTE + "/min × " + firms.size() + " tokens); backlog " + n + " entries"));
        results.add(Row.of("s2.429", S, "429 answers received", throttled, "count"));
        results.add(Row.of("s2.lost", S, "entries lost (not SYNCED at the end)", lost, "entries")
                .withNote(activitiesPerNote.size() + " of " + n + " entries have an activity in the sandbox"));
        results.add(Row.of("s2.dup", S, "entries duplicated in Clio", duplicated, "entries"));
    }
}
