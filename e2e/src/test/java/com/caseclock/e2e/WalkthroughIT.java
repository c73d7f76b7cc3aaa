package com.caseclock.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * docs/walkthrough.md as assertions, step by step and in its order, against the packaged services over a real broker
 * and the Clio sandbox: connect the demo lawyer through the OAuth redirect, watch matters arrive, search, time work,
 * capture an entry with only a pending matter reference, create that matter in "Clio" and see the entry assigned,
 * approve, see it SYNCED with its Clio activity id and the activity in the sandbox; then section 10's other things to
 * try (roles, a flaky Clio, a changed matter). The revoked connection of section 10 is {@link ReconnectIT}.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class WalkthroughIT {

    private static final String FIRM = "harbor-pine";
    private static final long DANA_CLIO_ID = 100;
    private static final String REF = "00999-Whitfield";
    private static final Duration SYNC = Duration.ofSeconds(60);

    static LocalStack stack;
    static CaseClockClient dana;
    static String timerEntry;
    static String pendingEntry;
    static long whitfieldMatterId;

    @BeforeAll
    static void stack(LocalStack s) {
        stack = s;
        dana = new CaseClockClient(s, s.tokenLawyer());
    }

    @Test
    @Order(1)
    void step1_connectsTheDemoLawyerThroughTheOAuthRedirect() {
        JsonPath connection = dana.connectThroughOAuth(FIRM, DANA_CLIO_ID);

        assertThat(connection.getString("state")).isEqualTo("CONNECTED");
        assertThat(connection.getLong("clioUserId")).isEqualTo(DANA_CLIO_ID);
        assertThat(connection.getString("clioUserName")).isEqualTo("Dana O'Brien");
    }

    @Test
    @Order(2)
    void step2_theFirmsMattersArriveInTheCacheAndTheConnectionShowsInTimeentry() {
        await("first full sync").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(dana::backfillComplete);
        assertThat(dana.connection().getLong("sync.recordsDone")).isGreaterThanOrEqualTo(160);

        await("160 matters applied by matter-cache-service").atMost(SYNC).pollInterval(Duration.ofMillis(500))
                .until(() -> eventsApplied("clio.matter.changed.v1") >= 160);
        JsonPath integration = await("timeentry-service sees the connection").atMost(SYNC)
                .until(dana::integration, i -> "connected".equals(i.getString("status")));
        assertThat(integration.getBoolean("connected")).isTrue();
        assertThat(integration.getLong("clioUserId")).isEqualTo(DANA_CLIO_ID);
    }

    private long eventsApplied(String topic) {
        List<Map<String, Object>> topics = dana.matterCache().get("/api/v1/freshness").then().statusCode(200).extract()
                .jsonPath().getList("topics");
        return topics.stream().filter(t -> topic.equals(t.get("topic")))
                .mapToLong(t -> ((Number) t.get("eventsApplied")).longValue()).sum();
    }

    @Test
    @Order(3)
    void step3_searchesMattersPrefixAccentAndClientAndOnlyInTheCallersFirm() {
        JsonPath smith = dana.matterCache().queryParam("q", "smith").queryParam("size", 5).get("/api/v1/matters")
                .then().statusCode(200).extract().jsonPath();
        assertThat(smith.getList("items.displayNumber", String.class))
                .contains("00033-Smith", "00037-Smith & Partners");
        assertThat(smith.getList("items.match", String.class)).contains("PREFIX");

        JsonPath stJohn = dana.matterCache().queryParam("q", "st john").get("/api/v1/matters").then().statusCode(200)
                .extract().jsonPath();
        assertThat(stJohn.getList("items")).isNotEmpty();

        JsonPath matter = dana.matterCache().get("/api/v1/matters/200").then().statusCode(200).extract().jsonPath();
        assertThat(matter.getLong("id")).isEqualTo(200);
        assertThat(matter.getString("displayNumber")).isEqualTo("00033-Smith");

        List<Object> otherFirm = new CaseClockClient(stack, stack.tokenLawyerOtherFirm()).matterCache()
                .get("/api/v1/matters").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(otherFirm).isEmpty();
    }

    @Test
    @Order(4)
    void step4_startsAndStopsATimerIntoADraft() {
        String timer = dana.timeentry().body(Map.of("matterId", 200, "note", "Call with Renée about the lease"))
                .post("/api/v1/timers").then().statusCode(201).extract().path("id");
        assertThat(dana.timeentry().get("/api/v1/timers").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class)).contains(timer);

        await("the timer runs").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> dana.timeentry().get("/api/v1/timers/{id}", timer).then().statusCode(200).extract()
                        .jsonPath().getLong("elapsedSeconds") >= 2);
        JsonPath stopped = dana.timeentry().post("/api/v1/timers/{id}/stop", timer).then().statusCode(200).extract()
                .jsonPath();

        assertThat(stopped.getString("timer.state")).isEqualTo("STOPPED");
        assertThat(stopped.getString("entry.status")).isEqualTo("DRAFT");
        assertThat(stopped.getLong("entry.durationSeconds")).isGreaterThanOrEqualTo(2);
        assertThat(stopped.getLong("entry.matterId")).isEqualTo(200);
        assertThat(stopped.getLong("entry.billablePreviewSeconds")).isEqualTo(360); // 6 minutes up
        timerEntry = stopped.getString("entry.id");
    }

    @Test
    @Order(5)
    void step5_capturesAnEntryWithOnlyAPendingMatterReference() {
        pendingEntry = dana.createEntry(Map.of("durationSeconds", 2700, "note", "Intake call, new estate matter",
                "pendingMatterReference", REF));

        JsonPath entry = dana.entry(pendingEntry);
        assertThat(entry.getString("status")).isEqualTo("DRAFT");
        assertThat(entry.getString("matterId")).isNull();
        assertThat(entry.getString("pendingMatterReference")).isEqualTo(REF);
        assertThat(entry.getLong("version")).isZero();
        assertThat(dana.timeentry().get("/api/v1/time-entries/unassigned").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).contains(pendingEntry);

        // cannot be approved before its matter is known
        dana.timeentry().header("If-Match", "\"0\"").post("/api/v1/time-entries/{id}/approve", pendingEntry)
                .then().statusCode(422).contentType(startsWith("application/problem+json"));
    }

    @Test
    @Order(6)
    void step6_theMatterCreatedInClioIsAssignedToThePendingEntry() {
        Map<String, Object> matter = stack.sandbox().createMatter(FIRM, Map.of("display_number", REF,
                "description", "Estate of Eleanor Whitfield", "client", Map.of("id", 111), "status", "open"));
        whitfieldMatterId = ((Number) matter.get("id")).longValue();

        JsonPath entry = await("the entry is assigned to the new matter").atMost(SYNC)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> dana.entry(pendingEntry), e -> e.get("matterId") != null);
        assertThat(entry.getLong("matterId")).isEqualTo(whitfieldMatterId);
        assertThat(entry.getString("pendingMatterReference")).isNull();
        assertThat(entry.getString("status")).isEqualTo("DRAFT");

        List<Map<String, Object>> audit = dana.timeentry().get("/api/v1/time-entries/{id}/audit", pendingEntry)
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(audit).extracting(a -> a.get("actor") + " " + a.get("action"))
                .containsSubsequence("dana CREATED", "system:matter-projection MATTER_ASSIGNED_AUTOMATICALLY");

        await("the new matter is searchable").atMost(SYNC).pollInterval(Duration.ofMillis(500))
                .until(() -> dana.matterCache().queryParam("q", "whitfield").get("/api/v1/matters").then()
                        .statusCode(200).extract().jsonPath().getList("items.id").stream()
                        .anyMatch(id -> ((Number) id).longValue() == whitfieldMatterId));
    }

    @Test
    @Order(7)
    void step7_approvesWithTheCurrentVersion() {
        // writes need If-Match: 428 without it
        dana.timeentry().post("/api/v1/time-entries/{id}/approve", pendingEntry).then().statusCode(428);

        JsonPath approved = dana.approve(pendingEntry);

        assertThat(approved.getString("status")).isEqualTo("APPROVED");
        assertThat(approved.getString("approvedBy")).isEqualTo("dana");
    }

    @Test
    @Order(8)
    void step8_theEntryIsSyncedWithItsClioActivityAndClioRoundedIt() {
        JsonPath synced = dana.awaitStatus(pendingEntry, "SYNCED", SYNC);

        assertThat(synced.getLong("clioActivityId")).isPositive();
        assertThat(synced.getLong("clioQuantitySeconds")).isEqualTo(2880); // 2,700 s rounded up to 6 minutes
        assertThat(synced.getString("clioPrice.amount")).isEqualTo("350.0");
        assertThat(synced.getString("clioPrice.currency")).isEqualTo("USD");
        assertThat(synced.getString("clioTotal.amount")).isEqualTo("280.0");
        assertThat(synced.getString("syncFailure")).isNull();
        assertThat(synced.getString("lastSyncedAt")).isNotNull();
    }

    @Test
    @Order(9)
    void step9_theActivityIsInTheSandboxExactlyOnce() {
        long activityId = dana.entry(pendingEntry).getLong("clioActivityId");

        List<Map<String, Object>> mine = stack.sandbox().activities(FIRM).stream()
                .filter(a -> "Intake call, new estate matter".equals(a.get("note"))).toList();
        assertThat(mine).hasSize(1);
        Map<String, Object> activity = mine.get(0);
        assertThat(((Number) activity.get("id")).longValue()).isEqualTo(activityId);
        assertThat(activity.get("type")).isEqualTo("TimeEntry");
        assertThat(((Number) activity.get("quantity")).longValue()).isEqualTo(2700);
        assertThat(((Number) activity.get("rounded_quantity")).longValue()).isEqualTo(2880);
        assertThat(((Number) ((Map<?, ?>) activity.get("matter")).get("id")).longValue()).isEqualTo(whitfieldMatterId);
        assertThat(((Number) ((Map<?, ?>) activity.get("user")).get("id")).longValue()).isEqualTo(DANA_CLIO_ID);

        assertThat(stack.sandbox().journal()).filteredOn(j -> "POST".equals(j.get("method"))
                && String.valueOf(j.get("path")).endsWith("/activities.json")
                && String.valueOf(j.get("body")).contains("Intake call, new estate matter"))
                .extracting(j -> j.get("status")).containsExactly(201);
    }

    @Test
    @Order(10)
    void step10_anotherRoleSeesTheFirmAndAnotherFirmSeesNothing() {
        CaseClockClient priya = new CaseClockClient(stack, stack.tokenAdmin());
        JsonPath firmEntries = priya.timeentry().queryParam("userId", "dana").get("/api/v1/time-entries").then()
                .statusCode(200).extract().jsonPath();
        assertThat(firmEntries.getList("items.id", String.class)).contains(pendingEntry, timerEntry);

        List<Map<String, Object>> connections = priya.connector().get("/api/v1/connections/clio/firm").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(connections).extracting(c -> c.get("userId") + " " + c.get("state")).contains("dana CONNECTED");

        new CaseClockClient(stack, stack.tokenLawyerOtherFirm()).timeentry()
                .get("/api/v1/time-entries/{id}", pendingEntry).then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @Order(11)
    void step10_aFlakyClioIsRetriedAndTheEntryStillSyncsOnce() {
        long before = stack.sandbox().journal().stream().mapToLong(j -> ((Number) j.get("sequence")).longValue())
                .max().orElse(0);
        stack.sandbox().injectFault(Map.of("mode", "HTTP_503", "times", 2, "path", "/activities", "firm", FIRM));

        dana.approve(timerEntry);
        JsonPath synced = dana.awaitStatus(timerEntry, "SYNCED", SYNC);

        assertThat(synced.getLong("clioActivityId")).isPositive();
        assertThat(synced.getString("syncFailure")).isNull();
        // the two 503s hit the create or the look-up before a new create; in the end exactly one create succeeded
        List<Map<String, Object>> calls = stack.sandbox().journal().stream()
                .filter(j -> ((Number) j.get("sequence")).longValue() > before
                        && String.valueOf(j.get("path")).contains("/activities"))
                .toList();
        assertThat(calls).extracting(j -> j.get("status")).filteredOn(status -> Integer.valueOf(503).equals(status)).hasSize(2);
        assertThat(calls).filteredOn(j -> "POST".equals(j.get("method"))).extracting(j -> j.get("status"))
                .containsOnlyOnce(201).last().isEqualTo(201);
        assertThat(stack.sandbox().activities(FIRM))
                .filteredOn(a -> "Call with Renée about the lease".equals(a.get("note"))).hasSize(1);
    }

    @Test
    @Order(12)
    void step10_aMatterChangedInClioReachesTheCache() {
        stack.sandbox().patchMatter(FIRM, 200, Map.of("description", "Lease renewal (2027)"));

        await("the changed description in the cache").atMost(SYNC).pollInterval(Duration.ofMillis(500))
                .until(() -> dana.matterCache().get("/api/v1/matters/200").then().statusCode(200).extract().jsonPath()
                        .getString("description"), "Lease renewal (2027)"::equals);
    }
}
