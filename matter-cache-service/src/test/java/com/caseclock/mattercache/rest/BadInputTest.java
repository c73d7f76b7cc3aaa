package com.caseclock.mattercache.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.caseclock.events.MatterStatus;
import com.caseclock.mattercache.TestEvents;
import com.caseclock.testsupport.security.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Hostile and sloppy input on the lookup API: 4xx problem+json naming the parameter or field, never a 500, never a
 * stack trace, SQL or Java class name; SQL, LIKE, regex and tsquery metacharacters are just text.
 */
@QuarkusTest
class BadInputTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    private static RequestSpecification as(String firm) {
        return given().auth().oauth2(TestTokens.lawyer(firm, "user-1"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/v1/matters", "/api/v1/clients" })
    void nulOrLoneSurrogateInTheSearchTextIs400NamingQ(String path) {
        for (String q : new String[] { "a\u0000b", "\u0000", "ab\ud800" }) {
            Response r = as(TestEvents.firm()).queryParam("q", q).get(path);
            if (r.statusCode() == 200) {
                // The HTTP client may have replaced the lone surrogate by '?': then it is plain text, fine.
                assertThat(q).contains("\ud800");
                continue;
            }
            assertProblem(r, 400);
            assertThat(r.jsonPath().getList("errors.field", String.class)).containsExactly("q");
        }
    }

    @Test
    void metacharactersAreSearchedAsTextNeverAsSyntax() {
        String firm = TestEvents.firm();
        TestEvents.publish(companion, TestEvents.matterChanged(firm, TestEvents.matter(1, "00123", "Lease dispute",
                MatterStatus.OPEN, 501L, "Smith & Jones", null, TestEvents.T0)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(firm).get("/api/v1/matters")
                .then().statusCode(200).body("items.size()", equalTo(1)));
        for (String q : new String[] { "%", "_", "\\", "'", "*", "a%b", "smith:*", "!", "&", "|", "(", "a  b",
                "' OR 1=1 --", "smith & jones", "😀smith", "日本語", "abc\\", "a:b", "x".repeat(200) }) {
            as(firm).queryParam("q", q).get("/api/v1/matters").then().statusCode(200);
            as(firm).queryParam("q", q).get("/api/v1/clients").then().statusCode(200);
        }
        as(firm).queryParam("q", "a%b").get("/api/v1/matters").then().body("items.size()", equalTo(0));
    }

    @Test
    void aStatusListWithoutAnyStatusIs400() {
        for (String status : new String[] { ",", ",,", "open,,closed", "nope" }) {
            Response r = as(TestEvents.firm()).queryParam("status", status).get("/api/v1/matters");
            assertProblem(r, 400);
            assertThat(r.jsonPath().getList("errors.field", String.class)).containsExactly("status");
        }
    }

    @Test
    void lookupBodiesAreReadStrictly() {
        String firm = TestEvents.firm();
        for (String[] c : new String[][] { { "{\"query\":123}", "query" }, { "{\"query\":\"a\\u0000b\"}", "query" },
                { "{\"query\":[\"a\"]}", "query" }, { "{\"query\":\"x\",\"query\":\"y\"}", "query" },
                { "{\"query\":\"ok\",\"extra\":1}", "extra" } }) {
            Response r = as(firm).contentType("application/json").body(c[0]).post("/api/v1/matters/lookups");
            assertProblem(r, 400);
            assertThat(r.jsonPath().getList("errors.field", String.class)).as(c[0]).containsExactly(c[1]);
        }
        for (String body : new String[] { "[]", "\"00123\"", "{\"query\":\"x\"", "{\"query\":\"x\"} {}" }) {
            assertProblem(as(firm).contentType("application/json").body(body).post("/api/v1/matters/lookups"), 400);
        }
    }

    @Test
    void aNulInTheTokensFirmIsNeverA500() {
        String token = TestTokens.builder().firm("firm\u0000x").sign();
        // Refused when the token is read (401), or by the database (400): never a 500.
        for (String path : new String[] { "/api/v1/matters", "/api/v1/matters/1", "/api/v1/clients?q=abc" }) {
            Response r = given().auth().oauth2(token).get(path);
            assertThat(r.statusCode()).as(path + " " + r.asString()).isIn(400, 401);
        }
    }

    static void assertProblem(Response r, int status) {
        r.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("com.caseclock")))
                .body("detail", not(containsString("java.")))
                .body("detail", not(containsString("SQL")));
        assertThat(r.asString()).doesNotContain("\tat ").doesNotContain("ERROR:").doesNotContain("`");
    }
}
