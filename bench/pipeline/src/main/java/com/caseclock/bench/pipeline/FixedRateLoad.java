package com.caseclock.bench.pipeline;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Open-loop HTTP load at a fixed request rate, safe from coordinated omission (as wrk2): request {@code i} is due at
 * {@code start + i / rate}, is sent then (or at once if the sender is late), and its latency is measured from that
 * intended instant to the end of the response, so a stalled server or a stalled sender shows up in the percentiles
 * instead of silently lowering the rate. Latencies are recorded in an HdrHistogram in microseconds (3 significant
 * digits). Requests still outstanding after the drain time, and requests that could not even be queued because
 * {@link #MAX_OUTSTANDING} were in flight, count as errors.
 */
final class FixedRateLoad implements AutoCloseable {
    /** Requests in flight beyond which new ones are counted as errors instead of queued. */
    static final int MAX_OUTSTANDING = 4_000;

    /**
     * One request to send.
     *
     * @param method HTTP method
     * @param uri    path and query
     * @param token  bearer token or {@code null}
     * @param body   JSON body or {@code null}
     */
    record Request(HttpMethod method, String uri, String token, String body) {
    }

    /**
     * What one fixed-rate step measured.
     *
     * @param rate    intended requests per second
     * @param seconds duration of the step
     * @param sent    requests sent
     * @param errors  non-2xx answers, failures, timeouts and requests not sent for lack of capacity
     * @param p50Ms   median latency (ms, from the intended send time)
     * @param p99Ms   99th percentile (ms)
     * @param maxMs   maximum (ms)
     */
    record Step(int rate, int seconds, long sent, long errors, double p50Ms, double p99Ms, double maxMs) {
        /** @return whether the rate was held: no errors and p99 under the limit */
        boolean held(double p99LimitMs) {
            return errors == 0 && p99Ms < p99LimitMs;
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final String host;
    private final int port;

    /**
     * @param baseUrl     {@code http://host:port}
     * @param connections maximum HTTP/1.1 connections (keep-alive)
     */
    FixedRateLoad(String baseUrl, int connections) {
        URI u = URI.create(baseUrl);
        this.host = u.getHost();
        this.port = u.getPort();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /**
     * Runs one step.
     *
     * @param rate         requests per second
     * @param seconds      how long
     * @param requests     the {@code i}-th request
     * @param drainSeconds how long to wait for outstanding answers after the last send
     * @return the measured step
     */
    Step run(int rate, int seconds, LongFunction<Request> requests, int drainSeconds) {
        Histogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(120), 3);
        AtomicLong outstanding = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long total = (long) rate * seconds;
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime() + 20_000_000L;
        long sent = 0;
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * periodNanos);
            long wait = intended - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            if (outstanding.get() >= MAX_OUTSTANDING) {
                errors.incrementAndGet();
                continue;
            }
            Request r = requests.apply(i);
            outstanding.incrementAndGet();
            sent++;
            RequestOptions o = new RequestOptions().setMethod(r.method()).setHost(host).setPort(port).setURI(r.uri())
                    .setIdleTimeout(30_000);
            if (r.token() != null) o.putHeader("Authorization", "Bearer " + r.token());
            if (r.body() != null) o.putHeader("Content-Type", "application/json");
            client.request(o)
                    .compose(req -> (r.body() == null ? req.send() : req.send(Buffer.buffer(r.body())))
                            .compose(resp -> resp.body().map(b -> resp.statusCode())))
                    .onComplete(ar -> {
                        histogram.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
                        if (ar.failed() || ar.result() / 100 != 2) errors.incrementAndGet();
                        outstanding.decrementAndGet();
                    });
        }
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (outstanding.get() > 0 && System.nanoTime() < drainUntil) LockSupport.parkNanos(10_000_000L);
        errors.addAndGet(outstanding.get());
        return new Step(rate, seconds, sent, errors.get(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    @Override
    public void close() {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
