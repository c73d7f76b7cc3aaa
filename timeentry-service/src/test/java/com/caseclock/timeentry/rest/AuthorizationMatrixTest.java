package com.caseclock.timeentry.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.caseclock.testsupport.security.TestTokens;
import com.caseclock.timeentry.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every endpoint × {own entry, firm admin of the same firm, same firm other user, other firm, no token, expired
 * token, wrong issuer}. Someone else's entry is 404 (never 403); a bad or missing token is 401.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String FIRM = Api.uniqueFirm();

    /** Who calls. */
    enum Who {
        OWNER, FIRM_ADMIN, SAME_FIRM_OTHER_USER, OTHER_FIRM, NO_TOKEN, EXPIRED_TOKEN, WRONG_ISSUER;

        RequestSpecification request(String owner) {
            RequestSpecification r = given().contentType(ContentType.JSON).accept(ContentType.JSON);
            return switch (this) {
                case OWNER -> r.auth().oauth2(TestTokens.lawyer(FIRM, owner));
                case FIRM_ADMIN -> r.auth().oauth2(TestTokens.firmAdmin(FIRM, "admin-" + owner));
                case SAME_FIRM_OTHER_USER -> r.auth().oauth2(TestTokens.lawyer(FIRM, "colleague-" + owner));
                case OTHER_FIRM -> r.auth().oauth2(TestTokens.lawyer(FIRM + "-other", owner));
                case NO_TOKEN -> r;
                case EXPIRED_TOKEN -> r.auth().oauth2(TestTokens.builder().firm(FIRM).user(owner)
                        .expiresAt(Instant.now().minusSeconds(600)).sign());
                case WRONG_ISSUER -> r.auth().oauth2(TestTokens.builder().firm(FIRM).user(owner)
                        .issuer("https://evil.example/issuer").sign());
            };
        }

        boolean unauthenticated() {
            return this == NO_TOKEN || this == EXPIRED_TOKEN || this == WRONG_ISSUER;
        }
    }

    /**
     * One endpoint on a resource owned by {@code owner}.
     *
     * @param name        label
     * @param timer       the resource is a timer (personal: a firm admin does not see it) rather than an entry
     * @param ownerStatus status for the owner (and a firm admin for entries)
     * @param call        (request, resource id) → response
     */
    record Endpoint(String name, boolean timer, int ownerStatus, BiFunction<RequestSpecification, String, Response> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET /time-entries/{id}", false, 200, (r, id) -> r.get("/api/v1/time-entries/" + id)),
            new Endpoint("PATCH /time-entries/{id}", false, 200, (r, id) -> r.header("If-Match", "\"0\"")
                    .body(Map.of("note", "changed")).patch("/api/v1/time-entries/" + id)),
            new Endpoint("DELETE /time-entries/{id}", false, 204, (r, id) -> r.header("If-Match", "\"0\"")
                    .delete("/api/v1/time-entries/" + id)),
            new Endpoint("POST /time-entries/{id}/approve", false, 422, (r, id) -> r.header("If-Match", "\"0\"")
                    .post("/api/v1/time-entries/" + id + "/approve")),
            new Endpoint("POST /time-entries/{id}/void", false, 409, (r, id) -> r.header("If-Match", "\"0\"")
                    .post("/api/v1/time-entries/" + id + "/void")),
            new Endpoint("GET /time-entries/{id}/audit", false, 200,
                    (r, id) -> r.get("/api/v1/time-entries/" + id + "/audit")),
            new Endpoint("GET /time-entries/{id}/candidate-matters", false, 200,
                    (r, id) -> r.get("/api/v1/time-entries/" + id + "/candidate-matters")),
            new Endpoint("POST /time-entries/approvals", false, 422, (r, id) -> r
                    .body(Map.of("entries", List.of(Map.of("id", id, "version", 0))))
                    .post("/api/v1/time-entries/approvals")),
            new Endpoint("GET /timers/{id}", true, 200, (r, id) -> r.get("/api/v1/timers/" + id)),
            new Endpoint("POST /timers/{id}/pause", true, 200, (r, id) -> r.post("/api/v1/timers/" + id + "/pause")),
            new Endpoint("POST /timers/{id}/resume", true, 409, (r, id) -> r.post("/api/v1/timers/" + id + "/resume")),
            new Endpoint("POST /timers/{id}/stop", true, 200, (r, id) -> r.post("/api/v1/timers/" + id + "/stop")));

    static Stream<Arguments> resourceCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(e, who));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("resourceCases")
    void resourceEndpoints(Endpoint endpoint, Who who) {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        RequestSpecification asOwner = Who.OWNER.request(owner);
        String id = endpoint.timer()
                ? asOwner.body(Map.of()).post("/api/v1/timers").then().statusCode(201).extract().path("id")
                : asOwner.body(Map.of("durationSeconds", 60)).post("/api/v1/time-entries").then().statusCode(201)
                        .extract().path("id");

        Response response = endpoint.call().apply(who.request(owner), id);

        boolean sees = who == Who.OWNER || (who == Who.FIRM_ADMIN && !endpoint.timer());
        int expected = who.unauthenticated() ? 401 : sees ? endpoint.ownerStatus()
                : endpoint.name().endsWith("/approvals") ? 422 : 404;
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
        if (!who.unauthenticated() && !sees) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            if (expected == 422) {
                assertThat(response.jsonPath().getString("results[0].problems[0].message"))
                        .isEqualTo("time entry not found");
            }
            // Unchanged for its owner.
            String path = endpoint.timer() ? "/api/v1/timers/" + id : "/api/v1/time-entries/" + id;
            Who.OWNER.request(owner).get(path).then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(0));
        }
    }

    /** Collection endpoints: a token is needed, and they only ever show the caller's own data. */
    enum Collection {
        LIST_ENTRIES("GET /time-entries", r -> r.get("/api/v1/time-entries")),
        LIST_UNASSIGNED("GET /time-entries/unassigned", r -> r.get("/api/v1/time-entries/unassigned")),
        CREATE_ENTRY("POST /time-entries", r -> r.body(Map.of("durationSeconds", 1)).post("/api/v1/time-entries")),
        LIST_TIMERS("GET /timers", r -> r.get("/api/v1/timers")),
        START_TIMER("POST /timers", r -> r.body(Map.of()).post("/api/v1/timers")),
        CLIO("GET /integrations/clio", r -> r.get("/api/v1/integrations/clio")),
        SETTINGS("GET /firm-settings", r -> r.get("/api/v1/firm-settings")),
        PUT_SETTINGS("PUT /firm-settings", r -> r.header("If-Match", "\"0\"").body(Map.of(
                "roundingIncrementMinutes", 6, "roundingDirection", "UP", "allowClosedMatters", false,
                "maxRunningTimers", 1)).put("/api/v1/firm-settings"));

        final String label;
        final java.util.function.Function<RequestSpecification, Response> call;

        Collection(String label, java.util.function.Function<RequestSpecification, Response> call) {
            this.label = label;
            this.call = call;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Arguments> collectionCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Collection c : Collection.values()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(c, who));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("collectionCases")
    void collectionEndpoints(Collection endpoint, Who who) {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
        String ownEntry = Who.OWNER.request(owner).body(Map.of("durationSeconds", 60, "pendingMatterReference", "x"))
                .post("/api/v1/time-entries").then().statusCode(201).extract().path("id");

        Response response = endpoint.call.apply(who.request(owner));

        if (who.unauthenticated()) {
            assertThat(response.statusCode()).isEqualTo(401);
            return;
        }
        if (endpoint == Collection.PUT_SETTINGS) {
            // Only a firm admin may change settings; the other firm's admin would change its own firm only.
            assertThat(response.statusCode()).isEqualTo(who == Who.FIRM_ADMIN ? 200 : 403);
            return;
        }
        assertThat(response.statusCode()).as(response.asString()).isIn(200, 201);
        if (endpoint == Collection.LIST_ENTRIES || endpoint == Collection.LIST_UNASSIGNED) {
            List<String> ids = response.jsonPath().getList("items.id");
            boolean sees = who == Who.OWNER || who == Who.FIRM_ADMIN && endpoint == Collection.LIST_ENTRIES;
            assertThat(ids.contains(ownEntry)).as("%s sees the owner's entry", who).isEqualTo(sees);
        }
    }
}
