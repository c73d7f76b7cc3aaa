package com.caseclock.bench.pipeline;

import java.util.List;

import io.vertx.core.http.HttpMethod;

/**
 * Scenario 4, time-entry API: creates ({@code POST /api/v1/time-entries}) and lists ({@code GET
 * /api/v1/time-entries?size=20}) at fixed rates, requests spread round-robin over the firms' lawyers, each ladder
 * up to the first rate not held; figures p50, p99, errors per rate and the highest rate held with p99 &lt; 50 ms.
 */
final class ApiScenario {
    private static final String S = "4 time-entry API";
    private final Urls urls;
    private final Results results;

    ApiScenario(Urls urls, Results results) {
        this.urls = urls;
        this.results = results;
    }

    void run(List<BenchFirm> firms, List<Integer> rates, int seconds, int warmup) {
        Ladder ladder = new Ladder(results);
        try (FixedRateLoad load = new FixedRateLoad(urls.timeentry(), 256)) {
            int create = ladder.climb(load, "s4.create", S, "create", rates, seconds, warmup, i -> {
                BenchFirm f = firms.get((int) (i % firms.size()));
                long matter = f.matterIds().get((int) ((i / firms.size()) % f.matterIds().size()));
                return new FixedRateLoad.Request(HttpMethod.POST, "/api/v1/time-entries", f.token(),
                        "{\"matterId\":" + matter + ",\"durationSeconds\":" + (60 + i % 3600)
                                + ",\"note\":\"bench api create " + i + "\"}");
            });
            results.add(held(Row.of("s4.create.held", S, "create: highest rate held, p99 < 50 ms", create, "req/s"),
                    create, rates));
            int list = ladder.climb(load, "s4.list", S, "list", rates, seconds, warmup, i -> {
                BenchFirm f = firms.get((int) (i % firms.size()));
                return new FixedRateLoad.Request(HttpMethod.GET, "/api/v1/time-entries?size=20", f.token(), null);
            });
            results.add(held(Row.of("s4.list.held", S, "list: highest rate held, p99 < 50 ms", list, "req/s"),
                    list, rates));
        }
    }

    /** 0 held reads like a measured rate of 0: say that none of the rates tried held. */
    private static Row held(Row row, int held, List<Integer> rates) {
        return held > 0 ? row : row.withNote("none held: already the lowest rate tried (" + rates.get(0)
                + "/s) missed p99 < 50 ms or had errors, twice (see its rows)");
    }
}
