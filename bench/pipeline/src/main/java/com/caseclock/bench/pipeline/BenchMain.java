package com.caseclock.bench.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.http.HttpMethod;

/**
 * Entry point of the load process of {@code bench/run.sh}. Commands:
 * <pre>
 *   noop-server PORT                                   the no-op HTTP endpoint (own JVM)
 *   noop-ladder URL ROWS RATES SECONDS WARMUP          its highest rate held (baseline), rows appended to ROWS
 *   scenarios --env STACK_ENV --key PEM --issuer ISS --rows ROWS --phase FILE [--quick] [--only 1,4,3,2]
 *                                                      sets up the firms and runs the scenarios against the stack
 *   report ROWS FACTS JSON_OUT                         prints the table and writes it as JSON
 * </pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * @param args a command and its arguments (see the class comment)
     * @throws Exception when set-up or the report fails (a failing scenario is recorded as a row instead)
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage();
        switch (args[0]) {
            case "noop-server" -> NoopServer.run(Integer.parseInt(args[1]));
            case "noop-ladder" -> noopLadder(args);
            case "scenarios" -> scenarios(options(args));
            case "report" -> Report.run(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            default -> usage();
        }
        System.exit(0);
    }

    private static void usage() {
        System.err.println("usage: BenchMain noop-server PORT | noop-ladder URL ROWS RATES SECONDS WARMUP | "
                + "scenarios --env F --key PEM --issuer ISS --rows F --phase F [--quick] [--only 1,4,3,2] | "
                + "report ROWS FACTS JSON");
        System.exit(2);
    }

    private static void noopLadder(String[] a) {
        Results results = new Results(Path.of(a[2]));
        List<Integer> rates = Arrays.stream(a[3].split(",")).map(Integer::valueOf).toList();
        try (FixedRateLoad load = new FixedRateLoad(a[1], 256)) {
            int held = new Ladder(results).climb(load, "base.http.noop", "0 baseline", "no-op HTTP", rates,
                    Integer.parseInt(a[4]), Integer.parseInt(a[5]),
                    i -> new FixedRateLoad.Request(HttpMethod.GET, "/noop", null, null));
            Row row = Row.of("base.http.noop", "0 baseline", "no-op HTTP: highest rate held, p99 < 50 ms", held,
                    "req/s");
            results.add(held == rates.get(rates.size() - 1)
                    ? row.withNote("held the highest rate tried; the capacity is at least this") : row);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String k = args[i].replaceFirst("^--", "");
            if (k.equals("quick")) o.put(k, "true");
            else o.put(k, args[++i]);
        }
        return o;
    }

    private static void scenarios(Map<String, String> o) throws Exception {
        boolean quick = o.containsKey("quick");
        Set<String> only = new TreeSet<>(Arrays.asList(o.getOrDefault("only", "1,4,3,2").split(",")));
        Urls urls = Urls.of(StackEnv.read(Path.of(o.get("env"))));
        Results results = new Results(Path.of(o.get("rows")));
        Phase phase = new Phase(Path.of(o.get("phase")));
        Tokens tokens = new Tokens(Path.of(o.get("key")), o.get("issuer"));
        int firmCount = Integer.parseInt(o.getOrDefault("firms", "20"));

        long t = System.nanoTime();
        phase.set("setup");
        System.out.printf("[setup] %d firms: Clio users and matters in the sandbox, OAuth connections, warm-up%n",
                firmCount);
        List<BenchFirm> firms;
        try {
            firms = new FirmSetup(urls, tokens).create(firmCount, 6);
        } catch (Exception e) {
            for (String s : List.of("s1", "s2", "s3", "s4")) {
                results.add(new Row("why." + s, "", "", null, "", null, null, "set-up failed: " + e));
            }
            throw e;
        }
        System.out.printf("[setup] done in %.0f s%n", (System.nanoTime() - t) / 1e9);

        List<String> order = List.of("1", "4", "3", "2");
        for (String s : order) {
            if (!only.contains(s)) {
                results.add(new Row("why.s" + s, "", "", null, "", null, null, "not run (--only)"));
                continue;
            }
            long ts = System.nanoTime();
            phase.set("s" + s + "-prepare");
            try {
                switch (s) {
                    case "1" -> {
                        PipelineScenario pipeline = new PipelineScenario(urls, results);
                        pipeline.run(firms, intOpt(o, "entries", quick ? 1000 : 20000), quick ? 180 : 900, phase);
                        pipeline.oneAtATime(firms, quick ? 40 : 200, 30);
                    }
                    case "4" -> {
                        // --quick: the polling-only half of scenario 3 waits out the connector's 60 s poll; it runs
                        // during scenario 4 (other firms' matters, other services) to keep the quick run short
                        java.util.concurrent.CompletableFuture<Void> polling = quick && pollingWanted(o, only)
                                ? java.util.concurrent.CompletableFuture.runAsync(() -> polling(urls, results, firms, 10,
                                        "; measured while scenario 4 ran (--quick)"))
                                : null;
                        new ApiScenario(urls, results).run(firms,
                                quick ? List.of(50, 250, 500, 1000, 2000) : List.of(50, 250, 500, 1000, 2000, 4000),
                                quick ? 5 : 20, quick ? 2 : 10);
                        if (polling != null) polling.join();
                    }
                    case "3" -> {
                        new MatterChangeScenario(urls, results).webhook(firms, quick ? 10 : 50, 30);
                        if (o.containsKey("skip-polling")) {
                            results.add(new Row("why.s3.poll.p50", "", "", null, "", null, null, o.get("skip-polling")));
                            results.add(new Row("why.s3.poll.p99", "", "", null, "", null, null, o.get("skip-polling")));
                        } else if (!(quick && only.contains("4"))) {
                            polling(urls, results, firms, 20, "");
                        }
                    }
                    case "2" -> new ThrottledScenario(urls, results).run(firms, quick ? 60 : 200, quick ? 60 : 180,
                            quick ? 150 : 400);
                    default -> throw new IllegalArgumentException(s);
                }
            } catch (Exception e) {
                System.err.println("[scenario " + s + "] failed: " + e);
                e.printStackTrace();
                results.add(new Row("why.s" + s, "", "", null, "", null, null, "failed: " + e));
            }
            System.out.printf("[scenario %s] %.0f s%n", s, (System.nanoTime() - ts) / 1e9);
        }
        phase.set("done");
    }

    private static boolean pollingWanted(Map<String, String> o, Set<String> only) {
        return only.contains("3") && !o.containsKey("skip-polling");
    }

    private static void polling(Urls urls, Results results, List<BenchFirm> firms, int samples, String note) {
        try {
            // the last firms: scenario 4 spreads its requests over all firms, scenario 3's webhook half uses the first
            int n = Math.min(samples, firms.size());
            new MatterChangeScenario(urls, results).polling(firms.subList(firms.size() - n, firms.size()), n, 150,
                    note);
        } catch (Exception e) {
            results.add(new Row("why.s3.poll.p50", "", "", null, "", null, null, "failed: " + e));
            results.add(new Row("why.s3.poll.p99", "", "", null, "", null, null, "failed: " + e));
        }
    }

    private static int intOpt(Map<String, String> o, String key, int dflt) {
        return o.containsKey(key) ? Integer.parseInt(o.get(key)) : dflt;
    }

}
