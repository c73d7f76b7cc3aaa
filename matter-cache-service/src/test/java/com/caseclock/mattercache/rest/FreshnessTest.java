package com.caseclock.mattercache.rest;

import static com.caseclock.mattercache.TestEvents.T0;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.MatterStatus;
import com.caseclock.mattercache.TestEvents;
import com.caseclock.testsupport.security.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Freshness per firm, on the endpoint and as metrics. */
@QuarkusTest
class FreshnessTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void reportsTheLastAppliedEventTheLagAndTheBackfill() {
        String firm = TestEvents.firm();
        String token = TestTokens.firmAdmin(firm, "admin-1");
        given().auth().oauth2(token).get("/api/v1/freshness").then().statusCode(200)
                .body("firmId", equalTo(firm)).body("lastAppliedAt", nullValue())
                .body("topics[0].topic", equalTo("clio.matter.changed.v1"));

        TestEvents.publish(companion, TestEvents.matterChanged(firm, TestEvents.matter(1, "00001", "Fresh",
                MatterStatus.OPEN, null, null, null, T0)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .get("/api/v1/freshness").then().statusCode(200)
                .body("lastAppliedAt", notNullValue())
                .body("topics[0].lastEventTime", notNullValue())
                .body("topics[0].eventsApplied", equalTo(1))
                .body("topics[0].consumerLag", equalTo(0))
                .body("backfillComplete", equalTo(true)));

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mattercache_consumer_lag_records{topic=\"clio.matter.changed.v1\"}"))
                .body(containsString("mattercache_backfill_complete{topic=\"clio.rate.changed.v1\"}"))
                .body(containsString("mattercache_firm_last_applied_age_seconds{firm=\"" + firm + "\""));
    }
}
