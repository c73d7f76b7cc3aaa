package com.caseclock.mattercache.rest;

import static com.caseclock.mattercache.TestEvents.T0;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.ActivityRateType;
import com.caseclock.events.CustomRateType;
import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterRateEntry;
import com.caseclock.events.MatterStatus;
import com.caseclock.mattercache.TestEvents;
import com.caseclock.testsupport.security.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The rate explanation endpoint fed from the topics (the layer rules themselves: RatePrecedenceTest). */
@QuarkusTest
class RateExplanationResourceTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void explainsEveryLayerFromTheCachedTopics() {
        String firm = TestEvents.firm();
        MatterCustomRate groups = new MatterCustomRate(CustomRateType.HOURLY_RATE, List.of(
                new MatterRateEntry(null, 41L, TestEvents.usd("320.00"), null, null),
                new MatterRateEntry(null, 42L, TestEvents.usd("410.00"), null, null)));
        TestEvents.publish(companion,
                TestEvents.matterChanged(firm, TestEvents.matter(1, "00001", "Group rates", MatterStatus.OPEN, 900L,
                        "Client", groups, T0)),
                TestEvents.matterChanged(firm, TestEvents.matter(2, "00002", "Defaults", MatterStatus.OPEN, 900L,
                        "Client", null, T0)),
                TestEvents.userRate(firm, 7, "250.00", List.of(41L, 42L), T0),
                TestEvents.clientRate(firm, 3, 900L, null, null, "300.00", T0),
                TestEvents.activity(firm, 55, ActivityRateType.CUSTOM, "275.50", T0));
        var lawyer = TestTokens.lawyer(firm, "user-7");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(lawyer)
                .queryParam("userId", 7).get("/api/v1/matters/1/rate").then().statusCode(200)
                .body("known", equalTo(true)).body("appliedLayer", equalTo("MATTER_RATE"))
                .body("rate.amount", equalTo("410.00")).body("rate.currency", equalTo("USD"))
                .body("layers.layer", org.hamcrest.Matchers.contains("ENTRY_PRICE", "FLAT_RATE", "MATTER_RATE",
                        "CLIENT_RATE", "ACTIVITY_RATE", "USER_DEFAULT"))
                .body("layers[3].value.amount", equalTo("300.00"))
                .body("layers[5].value.amount", equalTo("250.00")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(lawyer)
                .queryParam("userId", 7).get("/api/v1/matters/2/rate").then().statusCode(200)
                .body("appliedLayer", equalTo("CLIENT_RATE")).body("rate.amount", equalTo("300.00")));
        // The activity description travels on the rate topic too; wait for it like the rest.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(lawyer)
                .queryParam("userId", 7).queryParam("activityDescriptionId", 55)
                .get("/api/v1/matters/2/rate").then().statusCode(200).body("appliedLayer", equalTo("CLIENT_RATE"))
                .body("layers[4].value.amount", equalTo("275.50")));
    }

    @Test
    void saysSoWhenRatesAreNotSyncedOrTheMatterIsUnknown() {
        String firm = TestEvents.firm();
        TestEvents.publish(companion, TestEvents.matterChanged(firm, TestEvents.matter(1, "00001", "No rates yet",
                MatterStatus.OPEN, null, null, null, T0)));
        var lawyer = TestTokens.lawyer(firm, "user-7");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(lawyer)
                .queryParam("userId", 8).get("/api/v1/matters/1/rate").then().statusCode(200)
                .body("known", equalTo(false)).body("appliedLayer", nullValue())
                .body("reason", org.hamcrest.Matchers.containsString("user 8")));
        given().auth().oauth2(lawyer).queryParam("userId", 8).get("/api/v1/matters/999/rate").then().statusCode(200)
                .body("known", equalTo(false)).body("reason", org.hamcrest.Matchers.containsString("not in the cache"));
    }
}
