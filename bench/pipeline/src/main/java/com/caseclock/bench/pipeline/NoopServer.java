package com.caseclock.bench.pipeline;

import io.vertx.core.Vertx;

/**
 * The no-op HTTP endpoint of the baseline: answers every request with 200 {@code {}} at once (Vert.x, default event
 * loops), run in its own JVM by {@code bench/run.sh}, so its capacity measured with {@link FixedRateLoad} is this
 * machine's ceiling for an HTTP service with the same driver.
 */
final class NoopServer {
    private NoopServer() {
    }

    static void run(int port) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        vertx.createHttpServer().requestHandler(req -> req.body().onComplete(b -> req.response()
                .putHeader("Content-Type", "application/json").end("{}"))).listen(port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        System.out.println("no-op HTTP server ready on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }
}
