package com.caseclock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Exactly once across a crash: 200 entries approved at once, clio-connector killed with SIGKILL while it is posting
 * them to Clio, started again (by run-local.sh, as an orchestrator would) - and Clio ends with exactly 200
 * activities, one per entry, none twice, and every entry SYNCED with its own activity id. The sandbox answers each
 * Clio request after 150 ms so the kill reliably lands in the middle (some activities created, some not), holds the
 * create that is running at the moment of the kill (a DELAY fault), so one create is always in flight when the
 * connector dies, and has its rate limit off so the test does not wait out Clio's 50 requests a minute.
 */
@ExtendWith(LocalStackExtension.class)
@Order(3)
class ConnectorCrashIT {

    private static final String FIRM = "harbor-pine";
    private static final long DANA_CLIO_ID = 100;
    private static final int ENTRIES = 200;
    private static final int KILL_AFTER = 40;

    static LocalStack stack;
    static CaseClockClient dana;
    static int rateLimitBefore;

    @BeforeAll
    static void stack(LocalStack s) {
        stack = s;
        dana = new CaseClockClient(s, s.tokenLawyer());
        dana.ensureConnectedAndSynced(FIRM, DANA_CLIO_ID);
        rateLimitBefore = ((Number) s.sandbox().info().get("rate_limit_per_minute")).intValue();
        s.sandbox().rateLimitPerMinute(0);
        s.sandbox().latencyMs(150);
    }

    @AfterAll
    static void restoreSandbox() {
        if (stack != null) {
            stack.sandbox().latencyMs(0);
            stack.sandbox().rateLimitPerMinute(rateLimitBefore);
        }
    }

    @Test
    void killedWhilePosting200ApprovalsAndRestartedClioHoldsExactly200Activities() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String notePrefix = "Crash test " + run + " #";
        long matterId = ((Number) stack.sandbox().createMatter(FIRM, Map.of("display_number", "00777-Crash " + run,
                "description", "Crash test " + run, "client", Map.of("id", 111), "status", "open")).get("id"))
                .longValue();

        List<Map<String, Object>> approvals = new ArrayList<>();
        ExecutorService lawyers = Executors.newFixedThreadPool(8); // capture the 200 drafts 8 at a time
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 1; i <= ENTRIES; i++) {
                Map<String, Object> body = Map.of("durationSeconds", 600 + i, "note", notePrefix + i, "matterId", matterId);
                created.add(lawyers.submit(() -> dana.createEntry(body)));
            }
            for (Future<String> id : created) {
                approvals.add(Map.of("id", id.get(), "version", 0));
            }
        } finally {
            lawyers.shutdownNow();
        }
        // all 200 at once, all or nothing; 422 until timeentry-service has the new matter from Kafka
        Response approved = await("bulk approval of " + ENTRIES + " entries").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> dana.timeentry().body(Map.of("entries", approvals)).post("/api/v1/time-entries/approvals"),
                        r -> r.statusCode() != 422);
        assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(200);
        assertThat(approved.jsonPath().getBoolean("approved")).isTrue();
        long t0 = System.nanoTime();

        int atKill = await("posting under way").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> activities(notePrefix).size(), n -> n >= KILL_AFTER);
        // hold the next create in "Clio" and kill the connector while it waits for the answer
        stack.sandbox().injectFault(Map.of("mode", "DELAY", "times", 1, "path", "/activities", "firm", FIRM,
                "delay_ms", 20_000));
        await("a create in flight").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> stack.sandbox().pendingFaults() == 0);
        long killedPid = stack.kill9(LocalStack.CONNECTOR);
        int afterKill = activities(notePrefix).size();
        assertThat(afterKill).as("the connector was killed in the middle of the posting").isLessThan(ENTRIES);

        stack.awaitRestarted(LocalStack.CONNECTOR, killedPid);
        long restartedAfter = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        await("all " + ENTRIES + " entries SYNCED").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(matterId, "SYNCED"), n -> n == ENTRIES);

        List<Map<String, Object>> activities = activities(notePrefix);
        assertThat(activities).hasSize(ENTRIES);
        assertThat(activities).extracting(a -> a.get("note")).doesNotHaveDuplicates();
        Set<Long> activityIds = new HashSet<>();
        activities.forEach(a -> activityIds.add(((Number) a.get("id")).longValue()));
        assertThat(activityIds).hasSize(ENTRIES);
        assertThat(activities).allSatisfy(a -> {
            int n = Integer.parseInt(((String) a.get("note")).substring(notePrefix.length()));
            assertThat(((Number) a.get("quantity")).intValue()).isEqualTo(600 + n);
            assertThat(((Number) ((Map<?, ?>) a.get("matter")).get("id")).longValue()).isEqualTo(matterId);
        });

        JsonPath entries = dana.timeentry().queryParam("matterId", matterId).queryParam("size", ENTRIES)
                .get("/api/v1/time-entries").then().statusCode(200).extract().jsonPath();
        assertThat(entries.getList("items.status", String.class)).hasSize(ENTRIES).containsOnly("SYNCED");
        Set<Long> entryActivityIds = new HashSet<>();
        entries.getList("items.clioActivityId").forEach(id -> entryActivityIds.add(((Number) id).longValue()));
        assertThat(entryActivityIds).isEqualTo(activityIds);

        long noAnswer = stack.sandbox().journal().stream()
                .filter(j -> "POST".equals(j.get("method")) && String.valueOf(j.get("body")).contains(notePrefix))
                .filter(j -> ((Number) j.get("status")).intValue() == 0).count();
        assertThat(noAnswer).as("creates the killed connector never got an answer to").isEqualTo(1);
        System.out.printf("[e2e] connector killed at %d/%d activities (%d right after the kill, %d create(s) left "
                + "without an answer); restarted and ready %d s after the approval; all %d SYNCED %d s after it%n",
                atKill, ENTRIES, afterKill, noAnswer, restartedAfter, ENTRIES,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
    }

    private static List<Map<String, Object>> activities(String notePrefix) {
        return stack.sandbox().activities(FIRM).stream()
                .filter(a -> a.get("note") instanceof String n && n.startsWith(notePrefix)).toList();
    }

    private static long count(long matterId, String status) {
        return dana.timeentry().queryParam("matterId", matterId).queryParam("status", status).queryParam("size", 1)
                .get("/api/v1/time-entries").then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }
}
