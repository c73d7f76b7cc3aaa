package com.caseclock.mattercache.rest;

import static com.caseclock.mattercache.TestEvents.T0;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.caseclock.events.MatterStatus;
import com.caseclock.mattercache.TestEvents;
import com.caseclock.testsupport.security.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Matter search: folding, prefix, typos, ranking, status filter, paging, firm scoping, bad input, authorization. */
@QuarkusTest
class MatterSearchTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    private String firm;
    private String otherFirm;

    @BeforeEach
    void seed() {
        firm = TestEvents.firm();
        otherFirm = TestEvents.firm();
        TestEvents.publish(companion,
                TestEvents.matterChanged(firm, TestEvents.matter(1, "00123", "Lease dispute", MatterStatus.OPEN,
                        501L, "Smith & Jones", null, T0)),
                TestEvents.matterChanged(firm, TestEvents.matter(2, "01234-Acme", "Merger 123 review",
                        MatterStatus.OPEN, 502L, "Acme Corp", null, T0)),
                TestEvents.matterChanged(firm, TestEvents.matter(3, "00456-Müller", "Estate planning",
                        MatterStatus.PENDING, 503L, "Jörg Müller", null, T0)),
                TestEvents.matterChanged(firm, TestEvents.matter(4, "00789", "Old Smith & Jones matter",
                        MatterStatus.CLOSED, 501L, "Smith & Jones", null, T0)),
                TestEvents.matterChanged(firm, TestEvents.matter(5, "00999", "Employment claim", MatterStatus.OPEN,
                        504L, "Blacksmith Partners", null, T0)),
                TestEvents.matterChanged(otherFirm, TestEvents.matter(1, "00123", "Other firm's Smith & Jones",
                        MatterStatus.OPEN, 501L, "Smith & Jones", null, T0)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(firm).queryParam("status",
                "open,pending,closed").get("/api/v1/matters").then().statusCode(200).body("items.size()", equalTo(5)));
    }

    private static RequestSpecification as(String firm) {
        return given().auth().oauth2(TestTokens.lawyer(firm, "user-1"));
    }

    @Test
    void findsSmithAndJonesFromLowerCaseWordsWithoutTheAmpersand() {
        as(firm).queryParam("q", "smith jones").get("/api/v1/matters").then().statusCode(200)
                .body("items.id", contains(1)).body("items[0].clientName", equalTo("Smith & Jones"));
    }

    @Test
    void findsMullerWithoutTheUmlaut() {
        as(firm).queryParam("q", "muller").get("/api/v1/matters").then().statusCode(200)
                .body("items.id", contains(3));
        as(firm).queryParam("q", "MÜLL").get("/api/v1/matters").then().statusCode(200)
                .body("items.id", contains(3));
    }

    @Test
    void findsMatter00123From123ExactFirstThenTheOthers() {
        as(firm).queryParam("q", "123").get("/api/v1/matters").then().statusCode(200)
                .body("items.id", contains(1, 2)).body("items[0].match", equalTo("EXACT"));
    }

    @Test
    void prefixMatchesRankBeforeFuzzyOnes() {
        as(firm).queryParam("q", "smi").get("/api/v1/matters").then().statusCode(200)
                .body("items.id", contains(1, 5)).body("items.match", contains("PREFIX", "FUZZY"));
    }

    @Test
    void toleratesATypo() {
        as(firm).queryParam("q", "smith jnes").get("/api/v1/matters").then().statusCode(200)
                .body("items.id", hasItem(1)).body("items[0].match", equalTo("FUZZY"));
    }

    @Test
    void toleratesTwoSwappedLettersInALongWord() {
        as(firm).queryParam("q", "blacksmiht").get("/api/v1/matters").then().statusCode(200)
                .body("items.id", contains(5)).body("items[0].match", equalTo("FUZZY"));
    }

    @Test
    void pagesCutAcrossRanks() {
        as(firm).queryParam("q", "smi").queryParam("size", 1).get("/api/v1/matters").then().statusCode(200)
                .body("items.id", contains(1)).body("items[0].match", equalTo("PREFIX")).body("hasMore", equalTo(true));
        as(firm).queryParam("q", "smi").queryParam("size", 1).queryParam("page", 2).get("/api/v1/matters").then()
                .statusCode(200).body("items.id", contains(5)).body("items[0].match", equalTo("FUZZY"))
                .body("hasMore", equalTo(false));
    }

    @Test
    void closedMattersAppearOnlyWhenAskedFor() {
        as(firm).queryParam("q", "jones").get("/api/v1/matters").then().statusCode(200)
                .body("items.id", contains(1));
        as(firm).queryParam("q", "jones").queryParam("status", "closed").get("/api/v1/matters").then()
                .statusCode(200).body("items.id", contains(4)).body("items[0].status", equalTo("closed"));
        as(firm).queryParam("q", "jones").queryParam("status", "open,closed").get("/api/v1/matters").then()
                .statusCode(200).body("items.id", contains(1, 4));
    }

    @Test
    void pagesThroughResults() {
        as(firm).queryParam("size", 2).get("/api/v1/matters").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("hasMore", equalTo(true)).body("page", equalTo(1));
        as(firm).queryParam("size", 2).queryParam("page", 2).get("/api/v1/matters").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("hasMore", equalTo(false));
    }

    @Test
    void anotherFirmsMattersNeverAppear() {
        as(otherFirm).queryParam("q", "smith jones").get("/api/v1/matters").then().statusCode(200)
                .body("items.description", contains("Other firm's Smith & Jones"));
        as(firm).queryParam("q", "other firm").get("/api/v1/matters").then().statusCode(200)
                .body("items.description", everyItem(not(equalTo("Other firm's Smith & Jones"))));
        as(TestEvents.firm()).get("/api/v1/matters/1").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void showsOneMatterWithItsClientAndAttorney() {
        as(firm).get("/api/v1/matters/3").then().statusCode(200).body("displayNumber", equalTo("00456-Müller"))
                .body("client.id", equalTo(503)).body("client.name", equalTo("Jörg Müller"))
                .body("responsibleAttorney.name", equalTo("Dana Lee")).body("billable", equalTo(true))
                .body("status", equalTo("pending"));
    }

    @Test
    void badInputIs400ProblemJson() {
        as(firm).queryParam("status", "archived").get("/api/v1/matters").then().statusCode(400)
                .contentType("application/problem+json");
        as(firm).queryParam("page", 0).get("/api/v1/matters").then().statusCode(400)
                .contentType("application/problem+json");
        as(firm).queryParam("size", "lots").get("/api/v1/matters").then().statusCode(400)
                .contentType("application/problem+json");
        as(firm).queryParam("size", 1000).get("/api/v1/matters").then().statusCode(400);
        as(firm).get("/api/v1/matters/abc").then().statusCode(400).contentType("application/problem+json");
        as(firm).get("/api/v1/matters/1/rate").then().statusCode(400).contentType("application/problem+json");
        as(firm).queryParam("q", "x".repeat(201)).get("/api/v1/matters").then().statusCode(400);
    }

    @Test
    void everyEndpointNeedsAToken() {
        given().get("/api/v1/matters").then().statusCode(401);
        given().get("/api/v1/matters/1").then().statusCode(401);
        given().get("/api/v1/clients").then().statusCode(401);
        given().get("/api/v1/freshness").then().statusCode(401);
        given().contentType("application/json").body("{\"query\":\"00123\"}").post("/api/v1/matters/lookups")
                .then().statusCode(401);
    }

    @Test
    void searchesClientsByNameWithoutAccents() {
        TestEvents.publish(companion, TestEvents.clientChanged(firm, 503, "Jörg Müller", T0),
                TestEvents.clientChanged(otherFirm, 503, "Jörg Müller", T0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(firm).queryParam("q", "jorg")
                .get("/api/v1/clients").then().statusCode(200).body("items.id", contains(503))
                .body("items[0].name", equalTo("Jörg Müller")));
    }
}
