package com.caseclock.bench.pipeline;

import java.util.List;
import java.util.function.LongFunction;

/**
 * Runs fixed-rate steps of increasing rate (after a short warm-up at the lowest rate, not recorded) until one is not
 * held (an error, or p99 ≥ 50 ms, twice in a row); the highest rate held is the figure compared with the no-op HTTP
 * baseline.
 */
final class Ladder {
    /** p99 limit of a held rate, ms (issue 11). */
    static final double P99_LIMIT_MS = 50;

    private final Results results;

    Ladder(Results results) {
        this.results = results;
    }

    /**
     * @param load     the load generator pointed at the service
     * @param idPrefix row id prefix, e.g. {@code s4.create}
     * @param scenario scenario label
     * @param what     what a request does, for the figure text
     * @param rates    rates to try, ascending (req/s)
     * @param seconds  length of each step
     * @param warmup   seconds of unrecorded warm-up at the first rate
     * @param requests the {@code i}-th request
     * @return the highest rate held, 0 when none
     */
    int climb(FixedRateLoad load, String idPrefix, String scenario, String what, List<Integer> rates, int seconds,
            int warmup, LongFunction<FixedRateLoad.Request> requests) {
        if (warmup > 0) load.run(rates.get(0), warmup, requests, 10);
        int held = 0;
        for (int rate : rates) {
            FixedRateLoad.Step s = load.run(rate, seconds, requests, 10);
            String retried = "";
            if (!s.held(P99_LIMIT_MS)) {
                // a shared machine stalls now and then: a step that misses is run once more before giving up
                FixedRateLoad.Step again = load.run(rate, seconds, requests, 10);
                retried = "; run twice (first p99 " + Report.num(s.p99Ms()) + " ms, " + s.errors() + " errors)";
                s = again;
            }
            String at = what + " @ " + rate + "/s";
            results.add(Row.of(idPrefix + "." + rate + ".p50", scenario, at + ": p50", s.p50Ms(), "ms"));
            results.add(Row.of(idPrefix + "." + rate + ".p99", scenario, at + ": p99", s.p99Ms(), "ms"));
            results.add(Row.of(idPrefix + "." + rate + ".errors", scenario, at + ": errors", s.errors(), "requests")
                    .withNote(s.sent() + " sent in " + seconds + " s; max " + Report.num(s.maxMs()) + " ms" + retried));
            if (!s.held(P99_LIMIT_MS)) break;
            held = rate;
        }
        return held;
    }
}
