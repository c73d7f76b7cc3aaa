package com.caseclock.bench.pipeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 1, export pipeline: {@code n} draft entries spread over the firms are approved in bulk (all firms at once,
 * ≤ 500 per request) with the sandbox's rate limit off; the scenario waits until none is APPROVED any more and reads
 * each entry's audit trail.
 *
 * <p>Per entry, approve → SYNCED latency = the instant timeentry-service applied the SYNCED result (audit row
 * {@code SYNC_RESULT_APPLIED} with {@code status} SYNCED, written with the service's clock) minus the instant this
 * process sent the bulk approval that contained it (same machine, same clock). Throughput = entries ÷ (last SYNCED −
 * first approval sent).
 */
final class PipelineScenario {
    private static final String S = "1 export pipeline";
    private final Api api = new Api();
    private final Entries entries;
    private final Results results;

    PipelineScenario(Urls urls, Results results) {
        this.entries = new Entries(api, urls.timeentry());
        this.results = results;
    }

    /**
     * @param firms          the connected firms
     * @param total          entries across all firms
     * @param timeoutSeconds how long to wait for all to leave APPROVED
     * @param phase          marks the measured part ({@code s1}) for the footprint sampler
     */
    void run(List<BenchFirm> firms, int total, int timeoutSeconds, Phase phase) throws Exception {
        int perFirm = Math.max(1, total / firms.size());
        int n = perFirm * firms.size();
        System.out.printf("[scenario 1] creating %d drafts (%d firms × %d)%n", n, firms.size(), perFirm);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<BenchFirm, List<Entries.Draft>> drafts = new ConcurrentHashMap<>();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (BenchFirm f : firms) {
                List<Entries.Draft> list = java.util.Collections.synchronizedList(new ArrayList<>());
                drafts.put(f, list);
                for (int i = 0; i < perFirm; i++) {
                    long matter = f.matterIds().get(i % f.matterIds().size());
                    int k = i;
                    work.add(pool.submit(() -> list.add(entries.create(f, matter, 360 + (k % 40) * 90,
                            "bench pipeline " + f.firmId() + " #" + k))));
                }
            }
            for (Future<?> w : work) w.get();
        } finally {
            pool.shutdown();
        }

        System.out.printf("[scenario 1] approving %d entries in bulk%n", n);
        phase.set("s1");
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        Map<String, BenchFirm> firmOf = new ConcurrentHashMap<>();
        Instant t0 = Instant.now();
        ExecutorService approvers = Executors.newFixedThreadPool(firms.size());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (BenchFirm f : firms) {
                work.add(approvers.submit(() -> {
                    List<Entries.Draft> list = drafts.get(f);
                    for (int from = 0; from < list.size(); from += 500) {
                        List<Entries.Draft> chunk = list.subList(from, Math.min(list.size(), from + 500));
                        Instant at = Instant.now();
                        for (Entries.Draft d : chunk) {
                            sentAt.put(d.id(), at);
                            firmOf.put(d.id(), f);
                        }
                        entries.approveAll(f, chunk);
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) w.get();
        } finally {
            approvers.shutdown();
        }
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        // poll lightly (each count is a list request): once a second, only the firms that still had APPROVED entries
        long approved;
        List<BenchFirm> waiting = new ArrayList<>(firms);
        do {
            Thread.sleep(1000);
            approved = 0;
            for (java.util.Iterator<BenchFirm> it = waiting.iterator(); it.hasNext();) {
                long left = entries.count(it.next(), "APPROVED");
                if (left == 0) it.remove();
                approved += left;
            }
        } while (approved > 0 && System.nanoTime() < deadline);
        phase.set("after-s1");
        System.out.printf("[scenario 1] %d still APPROVED after waiting; reading %d audit trails%n", approved, n);

        Latencies lat = new Latencies();
        Instant[] last = {t0};
        long[] notSynced = {0};
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Map.Entry<String, Instant> e : sentAt.entrySet()) {
                work.add(readers.submit(() -> {
                    Instant synced = entries.syncedAt(firmOf.get(e.getKey()), e.getKey());
                    synchronized (last) {
                        if (synced == null) {
                            notSynced[0]++;
                            return null;
                        }
                        if (synced.isAfter(last[0])) last[0] = synced;
                    }
                    lat.add(ChronoUnit.MICROS.between(e.getValue(), synced));
                    return null;
                }));
            }
            for (Future<?> w : work) w.get();
        } finally {
            readers.shutdown();
        }
        double seconds = ChronoUnit.MICROS.between(t0, last[0]) / 1e6;
        String note = n + " entries, " + firms.size() + " firms, bulk approvals of ≤ 500, sandbox rate limit off; "
                + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s from the first approval sent to the last SYNCED";
        results.add(Row.of("s1.rate", S, "approved → SYNCED throughput", lat.count() / seconds, "entries/s")
                .withNote(note));
        results.add(Row.of("s1.p50", S, "approve → SYNCED p50", lat.ms(50), "ms"));
        results.add(Row.of("s1.p99", S, "approve → SYNCED p99", lat.ms(99), "ms"));
        results.add(Row.of("s1.max", S, "approve → SYNCED max", lat.maxMs(), "ms"));
        results.add(Row.of("s1.notsynced", S, "entries not SYNCED at the end", notSynced[0], "entries"));
    }

    /**
     * The same path without a backlog: {@code count} entries approved one at a time (each through
     * {@code POST /{id}/approve}, the next only once the previous is SYNCED), round-robin over the firms. Latency as
     * in the bulk run: the SYNCED audit instant minus the instant the approval was sent.
     *
     * @param firms the connected firms
     * @param count entries to approve
     * @param timeoutSeconds how long one entry may take to reach SYNCED
     */
    void oneAtATime(List<BenchFirm> firms, int count, int timeoutSeconds) throws Exception {
        System.out.printf("[scenario 1] approving %d entries one at a time%n", count);
        Latencies lat = new Latencies();
        for (int i = 0; i < count; i++) {
            BenchFirm f = firms.get(i % firms.size());
            Entries.Draft d = entries.create(f, f.matterIds().get(i % f.matterIds().size()), 600 + i * 60,
                    "bench single " + f.firmId() + " #" + i);
            Instant sent = Instant.now();
            entries.approve(f, d);
            long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            Instant synced;
            while ((synced = entries.syncedAt(f, d.id())) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("entry " + d.id() + " not SYNCED after " + timeoutSeconds + " s");
                }
                Thread.sleep(10);
            }
            lat.add(ChronoUnit.MICROS.between(sent, synced));
        }
        String note = count + " entries approved one at a time (the next once the previous is SYNCED), no backlog";
        results.add(Row.of("s1.single.p50", S, "approve → SYNCED p50, one at a time", lat.ms(50), "ms")
                .withNote(note));
        results.add(Row.of("s1.single.p99", S, "approve → SYNCED p99, one at a time", lat.ms(99), "ms"));
        results.add(Row.of("s1.single.max", S, "approve → SYNCED max, one at a time", lat.maxMs(), "ms"));
    }
}
