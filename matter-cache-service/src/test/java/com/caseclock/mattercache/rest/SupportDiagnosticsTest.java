package com.caseclock.mattercache.rest;

import static com.caseclock.mattercache.TestEvents.T0;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.MatterStatus;
import com.caseclock.mattercache.TestEvents;
import com.caseclock.testsupport.security.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * {@code GET /api/v1/support/diagnostics}: the rate explanation for a matter and a Clio user, the firm's freshness and
 * the version, as a download; support names any firm, everyone else only their own (another firm 404).
 */
@QuarkusTest
class SupportDiagnosticsTest {

    private static final String PATH = "/api/v1/support/diagnostics";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void explainsTheRateAndReportsFreshnessForSupport() {
        String firm = TestEvents.firm();
        TestEvents.publish(companion,
                TestEvents.matterChanged(firm, TestEvents.matter(2, "00002", "Defaults", MatterStatus.OPEN, 900L,
                        "Client", null, T0)),
                TestEvents.userRate(firm, 7, "250.00", List.of(), T0),
                TestEvents.clientRate(firm, 3, 900L, null, null, "300.00", T0));
        String support = TestTokens.support("sam");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(support)
                .queryParams(Map.of("firmId", firm, "matterId", 2, "userId", 7)).get(PATH).then().statusCode(200)
                .body("rateExplanation.known", equalTo(true))
                .body("rateExplanation.appliedLayer", equalTo("CLIENT_RATE")));
        given().auth().oauth2(support).queryParams(Map.of("firmId", firm, "matterId", 2, "userId", 7)).get(PATH)
                .then().statusCode(200).contentType("application/json")
                .header("Content-Disposition", matchesPattern(
                        "attachment; filename=\"matter-cache-diagnostics-" + firm + "-\\d{8}T\\d{6}Z\\.json\""))
                .body("service.name", equalTo("matter-cache-service"))
                // Tests run without quarkus.application.version (Quarkus sets it from the project only when packaging).
                .body("service.version", not(emptyOrNullString()))
                .body("generatedAt", notNullValue())
                .body("firmId", equalTo(firm))
                .body("rateExplanation.matterId", equalTo(2))
                .body("rateExplanation.userId", equalTo(7))
                .body("rateExplanation.rate.amount", equalTo("300.00"))
                .body("rateExplanation.layers.layer", hasItem("USER_DEFAULT"))
                .body("freshness.firmId", equalTo(firm))
                .body("freshness.lastAppliedAt", notNullValue())
                .body("freshness.topics.topic", hasItem("clio.matter.changed.v1"))
                .body("freshness.topics[0].eventsApplied", greaterThanOrEqualTo(1));
        // Without a matter: freshness only.
        given().auth().oauth2(support).queryParam("firmId", firm).get(PATH).then().statusCode(200)
                .body("rateExplanation", nullValue()).body("freshness.firmId", equalTo(firm));
    }

    @Test
    void everyoneButSupportSeesOnlyTheirOwnFirm() {
        String firm = TestEvents.firm();
        String other = TestEvents.firm();
        String admin = TestTokens.firmAdmin(firm, "priya");
        String lawyer = TestTokens.lawyer(firm, "dana");

        given().auth().oauth2(admin).get(PATH).then().statusCode(200).body("firmId", equalTo(firm));
        given().auth().oauth2(lawyer).queryParams(Map.of("firmId", firm, "matterId", 999, "userId", 7)).get(PATH)
                .then().statusCode(200).body("rateExplanation.known", equalTo(false))
                .body("freshness.firmId", equalTo(firm));
        problem(given().auth().oauth2(admin).queryParam("firmId", other).get(PATH).then(), 404);
        problem(given().auth().oauth2(lawyer).queryParams(Map.of("firmId", other, "matterId", 2, "userId", 7))
                .get(PATH).then(), 404);
    }

    @Test
    void badParametersAre400AndNoTokenIs401() {
        String support = TestTokens.support("sam");
        problem(given().auth().oauth2(support).get(PATH).then(), 400).body("errors.field", hasItem("firmId"));
        problem(given().auth().oauth2(support).queryParams(Map.of("firmId", "f", "matterId", 2)).get(PATH).then(),
                400).body("errors.field", hasItem("userId"));
        problem(given().auth().oauth2(support).queryParams(Map.of("firmId", "f", "userId", 7)).get(PATH).then(),
                400).body("errors.field", hasItem("matterId"));
        problem(given().auth().oauth2(support).queryParams(Map.of("firmId", "f", "matterId", "x", "userId", 7))
                .get(PATH).then(), 400).body("errors.field", hasItem("matterId"));
        problem(given().auth().oauth2(support).queryParam("firmId", "x".repeat(201)).get(PATH).then(), 400)
                .body("errors.field", hasItem("firmId"));
        given().get(PATH).then().statusCode(401);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json");
    }
}
