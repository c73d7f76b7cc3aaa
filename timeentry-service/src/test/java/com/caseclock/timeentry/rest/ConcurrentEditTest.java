package com.caseclock.timeentry.rest;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.create;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Two edits with the same ETag at the same moment: one wins, the other gets 412 and can reapply; nothing is lost. */
@QuarkusTest
class ConcurrentEditTest {

    @RepeatedTest(3)
    void twoConcurrentEditsWithTheSameETagOneSucceedsOneGets412() throws Exception {
        String token = lawyer(uniqueFirm(), "dana");
        String id = create(token, Map.of("durationSeconds", 600, "note", "start")).path("id");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> patch(go, token, id,
                    Map.of("note", "from phone")), pool);
            CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> patch(go, token, id,
                    Map.of("durationSeconds", 900)), pool);
            go.countDown();
            List<Response> both = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
            assertThat(both).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 412);
            Response lost = both.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
            assertThat(lost.contentType()).startsWith("application/problem+json");

            // The loser reloads and reapplies its change: both changes are kept.
            boolean noteWon = a.get().statusCode() == 200;
            String etag = as(token).get("/api/v1/time-entries/" + id).then().statusCode(200).header("ETag", "\"1\"")
                    .extract().header("ETag");
            as(token).header("If-Match", etag).body(noteWon ? Map.of("durationSeconds", 900)
                    : Map.of("note", "from phone")).patch("/api/v1/time-entries/" + id).then().statusCode(200);
            as(token).get("/api/v1/time-entries/" + id).then().statusCode(200)
                    .header("ETag", "\"2\"")
                    .body("note", equalTo("from phone"))
                    .body("durationSeconds", equalTo(900));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response patch(CountDownLatch go, String token, String id, Map<String, ?> body) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return as(token).header("If-Match", "\"0\"").body(body).patch("/api/v1/time-entries/" + id);
    }
}
