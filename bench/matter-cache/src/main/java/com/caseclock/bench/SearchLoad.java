package com.caseclock.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Search load from its own process, for {@code warmupSeconds} (not recorded) then {@code seconds} (recorded with
 * HdrHistogram, microsecond precision). Prints p50/p90/p99/p99.9/max latency and throughput.
 *
 * <ul>
 * <li>Closed loop (rate 0): {@code concurrency} threads each send the next search as soon as the previous answer
 * arrived, so the service is always saturated and latency includes the queueing that saturation causes.</li>
 * <li>Open loop (rate &gt; 0): searches start at a fixed rate (requests per second) whether or not earlier ones have
 * answered, and each latency is measured from the moment its search was due, so a stall counts for every search it
 * delays (no coordinated omission).</li>
 * </ul>
 *
 * <p>Usage: {@code SearchLoad <baseUrl> <privateKey.der> <issuer> <firm,firm,...> <mattersPerFirm> <concurrency>
 * <warmupSeconds> <seconds> [rate]}
 */
public final class SearchLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(Path.of(args[1]))));
        String issuer = args[2];
        String[] firms = args[3].split(",");
        int perFirm = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        int seconds = Integer.parseInt(args[7]);
        double rate = args.length > 8 ? Double.parseDouble(args[8]) : 0;
        String[] tokens = new String[firms.length];
        for (int f = 0; f < firms.length; f++) {
            tokens[f] = jwt(key, issuer, firms[f]);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        if (rate > 0) {
            openLoop(client, base, firms, tokens, perFirm, rate, warmupEnd, end, seconds, warmup);
            return;
        }
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong results = new AtomicLong();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int t = 0; t < concurrency; t++) {
            Histogram h = new Histogram(60_000_000L, 3);
            histograms.add(h);
            long seed = t;
            Thread thread = new Thread(() -> {
                Random r = new Random(seed);
                try {
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end) {
                            break;
                        }
                        int f = r.nextInt(firms.length);
                        String q = query(r, firms[f], perFirm);
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/matters?q="
                                + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                .header("Authorization", "Bearer " + tokens[f]).GET().build();
                        long t0 = System.nanoTime();
                        HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
                        long micros = (System.nanoTime() - t0) / 1000;
                        if (resp.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (t0 >= warmupEnd) {
                            h.recordValue(micros);
                            if (resp.body().contains("\"id\"")) {
                                results.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        System.out.printf("search (closed loop): %d firm(s) x %d matters, concurrency %d, %d s measured after %d s"
                + " warm-up%n",
                firms.length, perFirm, concurrency, seconds, warmup);
        System.out.printf("requests %d (%.0f/s), with results %.1f %%, errors %d%n", all.getTotalCount(),
                all.getTotalCount() / (double) seconds, 100.0 * results.get() / Math.max(1, all.getTotalCount()),
                errors.get());
        System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(90) / 1000.0,
                all.getValueAtPercentile(99) / 1000.0, all.getValueAtPercentile(99.9) / 1000.0,
                all.getMaxValue() / 1000.0);
    }

    private static void openLoop(HttpClient client, String base, String[] firms, String[] tokens, int perFirm,
            double rate, long warmupEnd, long end, int seconds, int warmup) throws InterruptedException {
        ConcurrentHistogram h = new ConcurrentHistogram(60_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong results = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        Random r = new Random(0);
        long interval = (long) (1_000_000_000L / rate);
        long due = System.nanoTime();
        while (due < end) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int f = r.nextInt(firms.length);
            String q = query(r, firms[f], perFirm);
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/matters?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + tokens[f]).GET().build();
            long intended = due;
            inFlight.incrementAndGet();
            client.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, failure) -> {
                long micros = (System.nanoTime() - intended) / 1000;
                if (failure != null || resp.statusCode() != 200) {
                    errors.incrementAndGet();
                } else if (intended >= warmupEnd) {
                    h.recordValue(micros);
                    if (resp.body().contains("\"id\"")) {
                        results.incrementAndGet();
                    }
                }
                inFlight.decrementAndGet();
            });
            due += interval;
        }
        while (inFlight.get() > 0) {
            Thread.sleep(10);
        }
        System.out.printf("search (open loop): %d firm(s) x %d matters, %.0f requests/s offered, %d s measured after"
                + " %d s warm-up%n", firms.length, perFirm, rate, seconds, warmup);
        System.out.printf("requests %d (%.0f/s), with results %.1f %%, errors %d%n", h.getTotalCount(),
                h.getTotalCount() / (double) seconds, 100.0 * results.get() / Math.max(1, h.getTotalCount()),
                errors.get());
        System.out.printf("latency ms (from when due): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }

    /** A mix of what lawyers type: 3-letter prefixes, names, display numbers, two words, typos. */
    static String query(Random r, String firm, int perFirm) {
        long i = 1 + r.nextInt(perFirm);
        var m = BenchData.matter(firm, i);
        String surname = m.displayNumber().substring(m.displayNumber().indexOf('-') + 1);
        int kind = r.nextInt(100);
        if (kind < 40) {
            return surname.substring(0, Math.min(3, surname.length())).toLowerCase();
        } else if (kind < 55) {
            return surname.toLowerCase();
        } else if (kind < 65) {
            return Long.toString(i);
        } else if (kind < 70) {
            return m.displayNumber().substring(0, 5);
        } else if (kind < 85) {
            return surname + " " + m.description().split(" ")[0];
        } else {
            char[] c = surname.toLowerCase().toCharArray();
            if (c.length > 4) {
                int p = 1 + r.nextInt(c.length - 3);
                char x = c[p];
                c[p] = c[p + 1];
                c[p + 1] = x;
            }
            return new String(c);
        }
    }

    static String jwt(PrivateKey key, String issuer, String firm) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"bench-user\",\"firm_id\":\"" + firm
                + "\",\"groups\":[\"lawyer\"],\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64.encodeToString(s.sign());
    }
}
