package com.caseclock.timeentry.rest;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.create;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.caseclock.testsupport.security.TestTokens;
import com.caseclock.timeentry.support.Db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Hostile and sloppy input on every write and on the list's parameters: each answers 4xx problem+json naming the
 * field (never 500, never a stack trace, SQL or Java class name), and nothing is written or changed.
 */
@QuarkusTest
class BadInputTest {

    private static final String ENTRIES = "/api/v1/time-entries";

    @Inject
    AgroalDataSource dataSource;

    /** Bodies of POST /time-entries that must be refused, with the field the answer must name. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"durationSeconds\":1.5}|durationSeconds",
        "{\"durationSeconds\":9223372036854775808}|durationSeconds",
        "{\"durationSeconds\":1e30}|durationSeconds",
        "{\"durationSeconds\":\"1800\"}|durationSeconds",
        "{\"durationSeconds\":\"\"}|durationSeconds",
        "{\"durationSeconds\":true}|durationSeconds",
        "{\"matterId\":1.9}|matterId",
        "{\"matterId\":9223372036854775808}|matterId",
        "{\"nonBillable\":1}|nonBillable",
        "{\"nonBillable\":\"true\"}|nonBillable",
        "{\"note\":123}|note",
        "{\"note\":\"a\\u0000b\"}|note",
        "{\"note\":\"a\\ud800b\"}|note",
        "{\"pendingMatterReference\":\"00\\u00001\"}|pendingMatterReference",
        "{\"workDate\":\"\"}|workDate",
        "{\"workDate\":20240101}|workDate",
        "{\"workDate\":\"2024-02-30\"}|workDate",
        "{\"workDate\":\"-5000-01-01\"}|workDate",
        "{\"workDate\":\"+999999999-12-31\"}|workDate",
        "{\"workDate\":\"+10000-01-01\"}|workDate",
        "{\"workDate\":\"0025-03-14\"}|workDate",
        "{\"rateOverride\":{\"amount\":300,\"currency\":\"USD\"}}|rateOverride.amount",
        "{\"durationSeconds\":1,\"durationSeconds\":2}|durationSeconds",
    })
    void createRefusesWithTheFieldNamedAndStoresNothing(String body, String field) {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        Response r = as(token).body(body).post(ENTRIES);
        assertProblem(r, 400);
        assertThat(r.jsonPath().getList("errors.field", String.class)).as(r.asString()).contains(field);
        assertThat(count("SELECT count(*) FROM time_entry WHERE firm_id = ?", firm)).isZero();
        assertThat(count("SELECT count(*) FROM time_entry_audit WHERE firm_id = ?", firm)).isZero();
    }

    /** Bodies that are not a JSON object at all. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "[]", "\"x\"", "42", "{'note':'x'}", "{\"note\":\"x\"", "{\"note\":\"x\"} trailing",
        "{\"a\":1" })
    void createRefusesBodiesThatAreNotAnObject(String body) {
        String firm = uniqueFirm();
        Response r = as(lawyer(firm, "dana")).body(body).post(ENTRIES);
        assertProblem(r, 400);
        assertThat(count("SELECT count(*) FROM time_entry WHERE firm_id = ?", firm)).isZero();
    }

    @Test
    void patchRefusesAndChangesNothing() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        String id = create(token, Map.of("workDate", "2025-03-14", "durationSeconds", 600, "note", "keep")).path("id");
        for (String body : new String[] { "{\"durationSeconds\":1.5}", "{\"durationSeconds\":\"900\"}",
                "{\"note\":\"a\\u0000b\"}", "{\"workDate\":\"-5000-01-01\"}", "{\"workDate\":\"\"}",
                "{\"durationSeconds\":9223372036854775808}", "{\"nonBillable\":0}", "[]", "{\"note\":\"x\"} {}" }) {
            Response r = as(token).contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(body)
                    .patch(ENTRIES + "/" + id);
            assertProblem(r, 400);
        }
        as(token).get(ENTRIES + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("durationSeconds", equalTo(600)).body("note", equalTo("keep"))
                .body("workDate", equalTo("2025-03-14"));
        assertThat(count("SELECT count(*) FROM time_entry_audit WHERE entry_id = ?::uuid", id)).isEqualTo(1);
    }

    @Test
    void voidReasonAndTimerNoteWithNulAreRefused() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        String id = create(token, Map.of("durationSeconds", 60)).path("id");
        Response r = as(token).header("If-Match", "\"0\"").body("{\"reason\":\"oops\\u0000\"}")
                .post(ENTRIES + "/" + id + "/void");
        assertProblem(r, 400);
        assertThat(r.jsonPath().getList("errors.field", String.class)).contains("reason");

        r = as(token).body("{\"note\":\"\\u0000\"}").post("/api/v1/timers");
        assertProblem(r, 400);
        assertThat(r.jsonPath().getList("errors.field", String.class)).contains("note");
        assertThat(count("SELECT count(*) FROM timer WHERE firm_id = ?", firm)).isZero();
    }

    @Test
    void firmSettingsRefuseFractionsAndOverflow() {
        String firm = uniqueFirm();
        String admin = TestTokens.firmAdmin(firm, "boss");
        for (String minutes : new String[] { "1.5", "30000000000", "\"6\"" }) {
            Response r = as(admin).header("If-Match", "\"0\"").body("{\"roundingIncrementMinutes\":" + minutes
                    + ",\"roundingDirection\":\"UP\",\"allowClosedMatters\":false,\"maxRunningTimers\":1}")
                    .put("/api/v1/firm-settings");
            assertProblem(r, 400);
            assertThat(r.jsonPath().getList("errors.field", String.class)).contains("roundingIncrementMinutes");
        }
        assertThat(count("SELECT count(*) FROM firm_settings WHERE firm_id = ?", firm)).isZero();
    }

    @Test
    void bulkApprovalRefusesFractionalAndOverflowingVersions() {
        String token = lawyer(uniqueFirm(), "dana");
        String id = create(token, Map.of("durationSeconds", 60)).path("id");
        for (String version : new String[] { "1.5", "99999999999999999999", "\"0\"" }) {
            Response r = as(token).body("{\"entries\":[{\"id\":\"" + id + "\",\"version\":" + version + "}]}")
                    .post(ENTRIES + "/approvals");
            assertProblem(r, 400);
            assertThat(r.jsonPath().getList("errors.field", String.class)).contains("entries[0].version");
        }
        as(token).get(ENTRIES + "/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "from,-999999999-01-01", "to,+999999999-12-31", "from,+10000-01-01", "to,0001-01-01",
        "page,1000000000000", "size,0", "status,bogus", "matterId,9223372036854775808", "unassigned,yes" })
    void listParametersOutOfRangeAre400NamingThem(String name, String value) {
        Response r = as(lawyer(uniqueFirm(), "dana")).queryParam(name, value).get(ENTRIES);
        assertProblem(r, 400);
        assertThat(r.jsonPath().getList("errors.field", String.class)).contains(name);
    }

    @Test
    void nulInAQueryParameterOrTokenClaimIsNeverA500() {
        // A firm admin's userId filter goes into SQL: PostgreSQL cannot take a NUL, which must not be a 500.
        Response r = as(TestTokens.firmAdmin(uniqueFirm(), "boss")).queryParam("userId", "a\u0000b").get(ENTRIES);
        assertProblem(r, 400);
        // A signed token whose firm holds a NUL: refused when the token is read (401), or by the database (400).
        r = as(TestTokens.builder().firm("firm\u0000x").sign()).body("{}").post(ENTRIES);
        assertThat(r.statusCode()).as(r.asString()).isIn(400, 401);
    }

    @Test
    void unreadableBodiesAndWrongMediaTypesAreProblems() {
        String token = lawyer(uniqueFirm(), "dana");
        assertProblem(given().auth().oauth2(token).contentType("text/plain").body("{}").post(ENTRIES), 415);
        assertProblem(given().auth().oauth2(token).contentType("application/x-www-form-urlencoded")
                .formParam("note", "x").post(ENTRIES), 415);
        assertProblem(as(token).put(ENTRIES), 405);
        assertProblem(as(token).get(ENTRIES + "/not-a-uuid"), 404);
    }

    private long count(String sql, Object... args) {
        return Db.count(dataSource, sql, args);
    }

    /** A problem+json answer with the status, that leaks neither stack traces, SQL nor Java class names. */
    static void assertProblem(Response r, int status) {
        r.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("com.caseclock")))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("SQL")));
        assertThat(r.asString()).doesNotContain("\tat ").doesNotContain("ERROR:").doesNotContain("`");
    }
}
