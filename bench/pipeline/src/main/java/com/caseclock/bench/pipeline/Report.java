package com.caseclock.bench.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds the result table: every figure of issue 11 in a fixed order (a figure without a measurement of this run is
 * printed as "not measured" with the reason), the measured rows of the load process ({@code rows.jsonl}) and the
 * shell's measurements ({@code facts.properties}: Kafka and PostgreSQL baselines, footprint, machine and run facts),
 * with the ratios pipeline entries/s ÷ min(raw Kafka, raw PostgreSQL) and API held rate ÷ no-op HTTP held rate.
 * Prints it and writes it as JSON.
 */
final class Report {
    private static final String[][] EXPECTED = {
        {"base.kafka.producer", "0 baseline", "raw Kafka producer, 1 KiB records, acks=all", "records/s"},
        {"base.kafka.consumer", "0 baseline", "raw Kafka consumer, same records", "records/s"},
        {"base.pg.insert", "0 baseline", "raw PostgreSQL single-row INSERT (pgbench)", "inserts/s"},
        {"base.http.noop", "0 baseline", "no-op HTTP: highest rate held, p99 < 50 ms", "req/s"},
        {"s1.rate", "1 export pipeline", "approved → SYNCED throughput", "entries/s"},
        {"s1.p50", "1 export pipeline", "approve → SYNCED p50", "ms"},
        {"s1.p99", "1 export pipeline", "approve → SYNCED p99", "ms"},
        {"s1.max", "1 export pipeline", "approve → SYNCED max", "ms"},
        {"s1.notsynced", "1 export pipeline", "entries not SYNCED at the end", "entries"},
        {"s1.single.p50", "1 export pipeline", "approve → SYNCED p50, one at a time", "ms"},
        {"s1.single.p99", "1 export pipeline", "approve → SYNCED p99, one at a time", "ms"},
        {"s1.single.max", "1 export pipeline", "approve → SYNCED max, one at a time", "ms"},
        {"s2.budget", "2 throttled export", "share of the request budget used", "%"},
        {"s2.429", "2 throttled export", "429 answers received", "count"},
        {"s2.lost", "2 throttled export", "entries lost (not SYNCED at the end)", "entries"},
        {"s2.dup", "2 throttled export", "entries duplicated in Clio", "entries"},
        {"s3.webhook.p50", "3 matter change", "changed → searchable p50, webhook", "ms"},
        {"s3.webhook.p99", "3 matter change", "changed → searchable p99, webhook", "ms"},
        {"s3.poll.p50", "3 matter change", "changed → searchable p50, polling only", "ms"},
        {"s3.poll.p99", "3 matter change", "changed → searchable p99, polling only", "ms"},
        {"s4.create.held", "4 time-entry API", "create: highest rate held, p99 < 50 ms", "req/s"},
        {"s4.list.held", "4 time-entry API", "list: highest rate held, p99 < 50 ms", "req/s"},
        {"s5.p50", "5 matter search", "p50, one firm of 100,000 matters (--quick: 20,000)", "ms"},
        {"s5.p99", "5 matter search", "p99, one firm of 100,000 matters (--quick: 20,000)", "ms"},
        {"s6.rate", "6 cold cache rebuild", "matters per second from the compacted topic", "matters/s"},
    };
    private static final String[] SERVICES = {"timeentry-service", "matter-cache-service", "clio-connector"};

    private Report() {
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        if (Math.abs(v) >= 1) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static void run(Path rowsFile, Path factsFile, Path jsonOut) throws IOException {
        Map<String, Row> measured = new LinkedHashMap<>();
        Map<String, String> whys = new LinkedHashMap<>();
        if (Files.exists(rowsFile)) {
            for (String line : Files.readAllLines(rowsFile)) {
                if (line.isBlank()) continue;
                Row r = Api.JSON.readValue(line, Row.class);
                if (r.id().startsWith("why.")) whys.put(r.id(), r.note());
                else measured.put(r.id(), r);
            }
        }
        Properties facts = new Properties();
        if (Files.exists(factsFile)) {
            try (Reader in = Files.newBufferedReader(factsFile)) {
                facts.load(in);
            }
        }
        whys.forEach(facts::setProperty);
        for (String[] e : EXPECTED) {
            if (!measured.containsKey(e[0])) fact(measured, facts, e[0]);
        }
        List<Row> rows = new ArrayList<>();
        for (String[] e : EXPECTED) {
            Row r = measured.remove(e[0]);
            String why = facts.getProperty("why." + e[0], facts.getProperty("why." + e[0].substring(0, e[0].indexOf('.')),
                    "not implemented in this run"));
            rows.add(r != null ? r : Row.notMeasured(e[0], e[1], e[2], e[3], why));
        }
        // fixed-rate steps of scenario 4 and any other extra rows of the load process, in measured order
        for (Row extra : measured.values()) {
            String prefix = extra.id().substring(0, extra.id().indexOf('.') + 1);
            int at = rows.size();
            for (int i = 0; i < rows.size(); i++) if (rows.get(i).id().startsWith(prefix)) at = i + 1;
            rows.add(at, extra);
        }
        for (String s : SERVICES) {
            rows.add(footprint(facts, "s7." + s + ".ready", s + ": start → ready", "s"));
            rows.add(footprint(facts, "s7." + s + ".rss.idle", s + ": resident memory, idle", "MiB"));
            rows.add(footprint(facts, "s7." + s + ".rss.s1", s + ": resident memory, peak under scenario 1", "MiB"));
        }
        // ratios
        Double kafka = min(value(rows, "base.kafka.producer"), value(rows, "base.kafka.consumer"));
        Double pg = value(rows, "base.pg.insert");
        Double lower = min(kafka, pg);
        String lowerName = lower == null ? "min(raw Kafka, raw PostgreSQL)"
                : (lower.equals(pg) ? "raw PostgreSQL inserts/s" : "raw Kafka records/s");
        Double noop = value(rows, "base.http.noop");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (r.id().equals("s1.rate")) rows.set(i, r.compared(lowerName, lower));
            if (r.id().equals("s4.create.held") || r.id().equals("s4.list.held")) rows.set(i, r.compared("no-op HTTP", noop));
        }
        print(rows, facts);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", new TreeMap<>(facts.entrySet().stream().filter(x -> x.getKey().toString().startsWith("run."))
                .collect(java.util.stream.Collectors.toMap(x -> x.getKey().toString().substring(4), x -> x.getValue().toString()))));
        out.put("rows", rows);
        Files.createDirectories(jsonOut.getParent());
        Api.JSON.writerWithDefaultPrettyPrinter().writeValue(jsonOut.toFile(), out);
        System.out.println("(written to " + jsonOut + ")");
    }

    private static void fact(Map<String, Row> measured, Properties facts, String id) {
        String v = facts.getProperty(id);
        if (v == null || v.isBlank()) return;
        String[] e = expected(id);
        measured.put(id, Row.of(id, e[1], e[2], Double.parseDouble(v), e[3]).withNote(facts.getProperty("note." + id)));
    }

    private static String[] expected(String id) {
        for (String[] e : EXPECTED) if (e[0].equals(id)) return e;
        throw new IllegalArgumentException(id);
    }

    private static Row footprint(Properties facts, String id, String figure, String unit) {
        String v = facts.getProperty(id);
        if (v == null || v.isBlank()) {
            return Row.notMeasured(id, "7 footprint", figure, unit, facts.getProperty("why.s7", "not measured in this run"));
        }
        return Row.of(id, "7 footprint", figure, Double.parseDouble(v), unit);
    }

    private static int indexOf(List<Row> rows, String id) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).id().equals(id)) return i;
        return rows.size() - 1;
    }

    private static Double value(List<Row> rows, String id) {
        int i = indexOf(rows, id);
        return rows.get(i).id().equals(id) ? rows.get(i).value() : null;
    }

    private static Double min(Double a, Double b) {
        if (a == null) return b;
        if (b == null) return a;
        return Math.min(a, b);
    }

    private static void print(List<Row> rows, Properties facts) {
        System.out.println();
        System.out.println("CaseClock benchmark — " + facts.getProperty("run.mode", "?") + " run, "
                + facts.getProperty("run.date", "?") + ", commit " + facts.getProperty("run.commit", "?"));
        System.out.println("machine: " + facts.getProperty("run.machine", "?"));
        System.out.println("Clio sandbox seed: " + facts.getProperty("run.sandbox.seed", "?"));
        System.out.println("load average (uptime, 1/5/15 min): at start " + facts.getProperty("run.load.before", "?")
                + " | scenarios start " + facts.getProperty("run.load.scenarios", "?") + " | end "
                + facts.getProperty("run.load.after", "?"));
        System.out.println("wall time until this table: " + facts.getProperty("run.wall.seconds", "?") + " s");
        String fmt = "%-20s | %-62s | %14s | %-9s | %-44s | %s%n";
        System.out.printf(fmt, "scenario", "figure", "value", "unit", "baseline", "ratio");
        System.out.println("-".repeat(20) + "-+-" + "-".repeat(62) + "-+-" + "-".repeat(14) + "-+-" + "-".repeat(9)
                + "-+-" + "-".repeat(44) + "-+------");
        for (Row r : rows) {
            String value = r.value() == null ? "not measured" : num(r.value());
            System.out.printf(fmt, r.scenario(), r.figure(), value, r.unit(), r.baseline() == null ? "" : r.baseline(),
                    r.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f", r.ratio()));
        }
        System.out.println();
        for (Row r : rows) {
            if (r.note() != null) System.out.println("  " + r.id() + ": " + r.note());
        }
    }
}
