package com.caseclock.connector.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.caseclock.connector.webhook.WebhookStore;
import com.caseclock.testsupport.security.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad input on the public and authenticated endpoints answers a 4xx problem naming the field (or 404 for a path that
 * cannot exist), never a database error.
 */
@QuarkusTest
class BadInputTest {

    @Inject
    WebhookStore webhooks;

    @Test
    void aRegionWithAControlCharacterIsRefused() {
        String token = TestTokens.lawyer("firm-" + UUID.randomUUID().toString().substring(0, 8), "u1");
        given().auth().oauth2(token).contentType("application/json").body("{\"region\":\"US\\u0000\"}").when()
                .post("/api/v1/connections/clio").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("region"));
        given().auth().oauth2(token).contentType("application/json").body("{\"region\":\" eu \"}").when()
                .post("/api/v1/connections/clio").then().statusCode(200);
    }

    @Test
    void aCallbackStateWithNulIsAnUnknownState() {
        given().urlEncodingEnabled(false).when().get("/api/v1/connections/clio/callback?state=ab%00cd&code=x").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("state"));
    }

    @Test
    void aWebhookPathWithNulIsUnknown() {
        given().urlEncodingEnabled(false).body("{}").when().post("/webhooks/clio/ab%00cd").then().statusCode(404);
    }

    @Test
    void aHandshakeWithoutWebhookIdIsAProblemNamingIt() {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        String hook = QuarkusTransaction.requiringNew().call(() -> webhooks.hookToken(firmId));
        for (String body : new String[] { "{}", "{\"webhook_id\":\"abc\"}", "not json" }) {
            given().header("X-Hook-Secret", "s").contentType("application/json").body(body).when()
                    .post("/webhooks/clio/" + hook).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("webhook_id")).header("X-Hook-Secret", (String) null);
        }
        given().header("X-Hook-Secret", "s").contentType("application/json").body("{\"webhook_id\":4242}").when()
                .post("/webhooks/clio/" + hook).then().statusCode(200).header("X-Hook-Secret", equalTo("s"));
    }

    @Test
    void aHandshakeCannotReplaceASecretOrTakeAnotherFirmsWebhook() {
        String firmA = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        String firmB = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        String hookA = QuarkusTransaction.requiringNew().call(() -> webhooks.hookToken(firmA));
        String hookB = QuarkusTransaction.requiringNew().call(() -> webhooks.hookToken(firmB));
        long id = 700_000L + (long) (Math.random() * 100_000);
        given().header("X-Hook-Secret", "first").contentType("application/json").body("{\"webhook_id\":" + id + "}")
                .when().post("/webhooks/clio/" + hookA).then().statusCode(200).header("X-Hook-Secret", equalTo("first"));
        // The same secret again (Clio retrying the handshake) is fine; another secret is refused.
        given().header("X-Hook-Secret", "first").contentType("application/json").body("{\"webhook_id\":" + id + "}")
                .when().post("/webhooks/clio/" + hookA).then().statusCode(200);
        given().header("X-Hook-Secret", "second").contentType("application/json").body("{\"webhook_id\":" + id + "}")
                .when().post("/webhooks/clio/" + hookA).then().statusCode(404).header("X-Hook-Secret", (String) null);
        given().header("X-Hook-Secret", "other").contentType("application/json").body("{\"webhook_id\":" + id + "}")
                .when().post("/webhooks/clio/" + hookB).then().statusCode(404);
        given().header("X-Hook-Secret", "big").contentType("application/json")
                .body("{\"webhook_id\":99999999999999999999999}").when().post("/webhooks/clio/" + hookA).then()
                .statusCode(400).body("errors.field", hasItem("webhook_id"));
        org.assertj.core.api.Assertions.assertThat(QuarkusTransaction.requiringNew()
                .call(() -> webhooks.secret(id, firmA))).contains("first");
        org.assertj.core.api.Assertions.assertThat(QuarkusTransaction.requiringNew()
                .call(() -> webhooks.secret(id, firmB))).isEmpty();
    }
}
