package com.caseclock.e2e;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The Clio sandbox's admin API ({@code /_sandbox}, never journaled or faulted; reference:
 * clio-sandbox/README.md): what "Clio" holds, and how to change it, revoke tokens or make it misbehave. Every call
 * expects a 2xx answer and fails the test otherwise.
 */
public final class SandboxAdmin {

    private final String baseUrl;

    SandboxAdmin(String sandboxUrl) {
        this.baseUrl = sandboxUrl + "/_sandbox";
    }

    private RequestSpecification admin() {
        return given().baseUri(baseUrl).contentType(ContentType.JSON);
    }

    /** @return {@code GET /_sandbox}: base URL, region, limits ({@code rate_limit_per_minute}), firms, OAuth clients */
    public Map<String, Object> info() {
        return admin().get("").then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** @return every activity of a firm with all fields, as Clio would list them ({@code id}, {@code quantity} …) */
    public List<Map<String, Object>> activities(String firm) {
        return admin().get("/firms/{firm}/activities", firm).then().statusCode(200).extract().jsonPath()
                .getList("data");
    }

    /**
     * Creates a matter "in Clio"; fires the matter webhook like a change made in Clio.
     *
     * @param body a Clio write body, e.g. {@code {"display_number":…, "description":…, "client":{"id":111}}}
     * @return the created matter ({@code data})
     */
    public Map<String, Object> createMatter(String firm, Map<String, Object> body) {
        return admin().body(body).post("/firms/{firm}/matters", firm).then().statusCode(201).extract().jsonPath()
                .getMap("data");
    }

    /** Changes a matter "in Clio" (fires the matter webhook). @return the matter ({@code data}) */
    public Map<String, Object> patchMatter(String firm, long matterId, Map<String, Object> body) {
        return admin().body(body).patch("/firms/{firm}/matters/{id}", firm, matterId).then().statusCode(200).extract()
                .jsonPath().getMap("data");
    }

    /** Revokes every access and refresh token of a firm, as a Clio admin revoking the app would. @return how many */
    public int revokeFirmTokens(String firm) {
        return admin().body(Map.of("firm", firm)).post("/tokens/revoke").then().statusCode(200).extract().jsonPath()
                .getInt("revoked");
    }

    /**
     * Injects a fault, e.g. {@code {"mode":"HTTP_503","times":2,"path":"/activities","firm":"harbor-pine"}}.
     */
    public void injectFault(Map<String, Object> rule) {
        admin().body(rule).post("/faults").then().statusCode(201);
    }

    /** @return how many injected faults have not struck yet */
    public int pendingFaults() {
        return admin().get("/faults").then().statusCode(200).extract().jsonPath().getInt("pending");
    }

    /** Clears every pending fault. */
    public void clearFaults() {
        admin().delete("/faults").then().statusCode(204);
    }

    /** Adds this many milliseconds to every Clio API request (0 = none). */
    public void latencyMs(long ms) {
        admin().body(Map.of("ms", ms)).put("/latency").then().statusCode(200);
    }

    /** Sets the per-token rate limit (requests per minute; 0 = off). */
    public void rateLimitPerMinute(int perMinute) {
        admin().body(Map.of("per_minute", perMinute)).put("/rate-limit").then().statusCode(200);
    }

    /**
     * @return what CaseClock sent to "Clio": {@code sequence}, {@code at}, {@code method}, {@code path},
     *         {@code query}, {@code body}, {@code status} (0 = no answer), {@code firm}
     */
    public List<Map<String, Object>> journal() {
        return admin().get("/journal").then().statusCode(200).extract().jsonPath().getList("data");
    }
}
