package com.caseclock.timeentry.rest;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.create;
import static com.caseclock.timeentry.support.Api.etag;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.caseclock.timeentry.support.Db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Capture, read, list, merge-patch and delete through the REST API, and the 400s that change nothing. */
@QuarkusTest
class TimeEntryApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void captureWithoutMatterThenReadItBackWithETagAndDisplayOnlyPreview() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        String id = create(token, Map.of("workDate", "2025-03-14", "durationSeconds", 1, "note", "Call with client"))
                .then().header("ETag", "\"0\"").header("Location", containsString("/api/v1/time-entries/"))
                .body("status", equalTo("DRAFT"))
                .body("matterId", nullValue())
                .body("pendingMatterReference", nullValue())
                .body("durationSeconds", equalTo(1))
                .body("billablePreviewSeconds", equalTo(360))
                .body("userId", equalTo("dana"))
                .body("timeZone", equalTo("America/Los_Angeles"))
                .body("version", equalTo(0))
                .extract().path("id");

        as(token).get("/api/v1/time-entries/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("workDate", equalTo("2025-03-14"))
                .body("note", equalTo("Call with client"))
                .body("nonBillable", equalTo(false))
                .body("clioActivityId", nullValue());
    }

    @Test
    void listFiltersPagesAndTotalsPerDayAndWeek() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        create(token, Map.of("workDate", "2025-03-10", "durationSeconds", 600));  // Monday
        create(token, Map.of("workDate", "2025-03-10", "durationSeconds", 300));
        create(token, Map.of("workDate", "2025-03-16", "durationSeconds", 60));   // Sunday, same week
        create(token, Map.of("workDate", "2025-03-17", "durationSeconds", 120, "pendingMatterReference", "00042"));
        create(lawyer(firm, "other"), Map.of("workDate", "2025-03-10", "durationSeconds", 999));

        as(token).queryParam("from", "2025-03-10").queryParam("to", "2025-03-16").queryParam("size", "2")
                .get("/api/v1/time-entries").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.size()", equalTo(2))
                .body("totals.perDay[0].date", equalTo("2025-03-10"))
                .body("totals.perDay[0].seconds", equalTo(900))
                .body("totals.perDay[1].seconds", equalTo(60))
                .body("totals.perWeek.size()", equalTo(1))
                .body("totals.perWeek[0].weekStart", equalTo("2025-03-10"))
                .body("totals.perWeek[0].seconds", equalTo(960));

        as(token).queryParam("unassigned", "true").queryParam("from", "2025-03-17")
                .get("/api/v1/time-entries").then().statusCode(200).body("totalItems", equalTo(1));
        as(token).get("/api/v1/time-entries/unassigned").then().statusCode(200)
                .body("items.pendingMatterReference", hasItem("00042"));
        as(token).queryParam("status", "approved").get("/api/v1/time-entries").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void mergePatchChangesOnlyWhatIsSentAndNullClears() {
        String token = lawyer(uniqueFirm(), "dana");
        String id = create(token, Map.of("workDate", "2025-03-14", "durationSeconds", 600, "note", "first",
                "pendingMatterReference", "Smith lease", "rateOverride", Map.of("amount", "300.00", "currency", "USD")))
                .path("id");
        Map<String, Object> patch = new HashMap<>();
        patch.put("durationSeconds", 900);
        patch.put("rateOverride", null);
        as(token).contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(patch)
                .patch("/api/v1/time-entries/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("durationSeconds", equalTo(900))
                .body("note", equalTo("first"))
                .body("pendingMatterReference", equalTo("Smith lease"))
                .body("rateOverride", nullValue());

        as(token).get("/api/v1/time-entries/" + id + "/audit").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("CREATED", "UPDATED")))
                .body("[1].details.durationSeconds", equalTo(java.util.List.of(600, 900)))
                .body("[1].actor", equalTo("dana"));
    }

    @Test
    void writesNeedIfMatch() {
        String token = lawyer(uniqueFirm(), "dana");
        String id = create(token, Map.of("durationSeconds", 60)).path("id");
        as(token).body(Map.of("note", "x")).patch("/api/v1/time-entries/" + id).then().statusCode(428)
                .contentType("application/problem+json");
        as(token).header("If-Match", "\"7\"").body(Map.of("note", "x")).patch("/api/v1/time-entries/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        as(token).delete("/api/v1/time-entries/" + id).then().statusCode(428);
        as(token).header("If-Match", etag(token, id)).delete("/api/v1/time-entries/" + id).then().statusCode(204);
        as(token).get("/api/v1/time-entries/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsRejectedWith400PerFieldAndChangesNothing() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        String id = create(token, Map.of("workDate", "2025-03-14", "durationSeconds", 600, "note", "keep"))
                .path("id");
        String bigNote = "x".repeat(10_001);

        badCreate(token, Map.of("durationSeconds", -1), "durationSeconds");
        badCreate(token, Map.of("durationSeconds", 86_401), "durationSeconds");
        badCreate(token, Map.of("durationSeconds", 60, "mood", "happy"), "mood");
        badCreate(token, Map.of("workDate", "2025-02-30"), "workDate");
        badCreate(token, Map.of("workDate", "14/03/2025"), "workDate");
        badCreate(token, Map.of("note", bigNote), "note");
        badCreate(token, Map.of("rateOverride", Map.of("amount", "300", "currency", "usd")), "rateOverride.currency");
        badCreate(token, Map.of("rateOverride", Map.of("amount", "1e3", "currency", "USD")), "rateOverride.amount");
        as(token).body("{not json").post("/api/v1/time-entries").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM time_entry WHERE firm_id = ?", firm)).isEqualTo(1);

        badPatch(token, id, Map.of("durationSeconds", -5), "durationSeconds");
        badPatch(token, id, Map.of("durationSeconds", 1_000_000), "durationSeconds");
        badPatch(token, id, Map.of("colour", "red"), "colour");
        badPatch(token, id, Map.of("workDate", "yesterday"), "workDate");
        badPatch(token, id, Map.of("note", bigNote), "note");
        Map<String, Object> nullNote = new HashMap<>();
        nullNote.put("note", null);
        badPatch(token, id, nullNote, "note");
        as(token).get("/api/v1/time-entries/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("durationSeconds", equalTo(600)).body("note", equalTo("keep"));
        assertThat(Db.count(dataSource, "SELECT count(*) FROM time_entry_audit WHERE entry_id = ?::uuid", id))
                .isEqualTo(1);

        as(token).queryParam("from", "March").get("/api/v1/time-entries").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    private static void badCreate(String token, Map<String, ?> body, String field) {
        as(token).body(body).post("/api/v1/time-entries").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(containsString(field)));
    }

    private static void badPatch(String token, String id, Map<String, ?> body, String field) {
        as(token).header("If-Match", "\"0\"").body(body).patch("/api/v1/time-entries/" + id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(containsString(field)));
    }
}
