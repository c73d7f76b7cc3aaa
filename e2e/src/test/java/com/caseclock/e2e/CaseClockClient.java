package com.caseclock.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * One CaseClock user talking to the three services over HTTP with their bearer token, as the web client would, plus
 * the few multi-step flows every end-to-end test needs (connecting to Clio through the OAuth redirect, approving an
 * entry with its current version, waiting for a status).
 */
public final class CaseClockClient {

    private final LocalStack stack;
    private final String token;

    /**
     * @param stack the running stack
     * @param token the user's bearer token, e.g. {@link LocalStack#tokenLawyer()}
     */
    public CaseClockClient(LocalStack stack, String token) {
        this.stack = stack;
        this.token = token;
    }

    /** @return a request to timeentry-service with the user's token and a JSON body type */
    public RequestSpecification timeentry() {
        return given().baseUri(stack.timeentryUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** @return a request to matter-cache-service with the user's token */
    public RequestSpecification matterCache() {
        return given().baseUri(stack.matterCacheUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** @return a request to clio-connector with the user's token */
    public RequestSpecification connector() {
        return given().baseUri(stack.connectorUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    // --- the Clio connection ------------------------------------------------------------------------------------------

    /** @return the connector's view of the user's connection ({@code GET /api/v1/connections/clio}) */
    public JsonPath connection() {
        return connector().get("/api/v1/connections/clio").then().statusCode(200).extract().jsonPath();
    }

    /** @return timeentry-service's view of the user's connection ({@code GET /api/v1/integrations/clio}) */
    public JsonPath integration() {
        return timeentry().get("/api/v1/integrations/clio").then().statusCode(200).extract().jsonPath();
    }

    /**
     * Connects the user to the sandbox Clio as a browser would: the connector answers the consent URL, the user
     * allows access (the sandbox's {@code sandbox_firm}/{@code sandbox_user} consent without the page), the sandbox
     * redirects to the connector's callback, which exchanges the code.
     *
     * @return the connection the callback answered
     */
    public JsonPath connectThroughOAuth(String firm, long clioUserId) {
        String authorizeUrl = connector().body("{}").post("/api/v1/connections/clio").then().statusCode(200).extract()
                .jsonPath().getString("authorizeUrl");
        assertThat(authorizeUrl).startsWith(stack.sandboxUrl() + "/oauth/authorize");
        // the URL is encoded already (redirect_uri, state): send it as it is
        return given().urlEncodingEnabled(false).redirects().follow(true)
                .get(authorizeUrl + "&sandbox_firm=" + firm + "&sandbox_user=" + clioUserId)
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * Connects the user unless connected, then waits for the firm's first full sync (the connector's
     * {@code sync.backfillComplete}).
     */
    public void ensureConnectedAndSynced(String firm, long clioUserId) {
        if (!"CONNECTED".equals(connection().getString("state"))) {
            assertThat(connectThroughOAuth(firm, clioUserId).getString("state")).isEqualTo("CONNECTED");
        }
        await("first sync of " + firm).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(this::backfillComplete);
    }

    /** @return whether the connector finished the first full sync of the user's firm ({@code sync} may be null) */
    public boolean backfillComplete() {
        return Boolean.TRUE.equals(connection().get("sync.backfillComplete"));
    }

    // --- time entries -------------------------------------------------------------------------------------------------

    /** Captures a draft. @return its id */
    public String createEntry(Map<String, Object> body) {
        return timeentry().body(body).post("/api/v1/time-entries").then().statusCode(201).extract().path("id");
    }

    /** @return one entry ({@code GET /api/v1/time-entries/{id}}) */
    public JsonPath entry(String id) {
        return timeentry().get("/api/v1/time-entries/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    /** Approves an entry with its current version in {@code If-Match}. @return the approved entry */
    public JsonPath approve(String id) {
        long version = entry(id).getLong("version");
        return timeentry().header("If-Match", "\"" + version + "\"").post("/api/v1/time-entries/{id}/approve", id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the entry has the status. @return the entry then */
    public JsonPath awaitStatus(String id, String status, Duration atMost) {
        return await("entry " + id + " " + status).atMost(atMost).pollInterval(Duration.ofMillis(500))
                .until(() -> entry(id), e -> status.equals(e.getString("status")));
    }
}
