package com.caseclock.mattercache.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.EventCodec;
import com.caseclock.events.LookupOutcome;
import com.caseclock.events.MatterLookupAnsweredV1;
import com.caseclock.events.MatterLookupRequestedV1;
import com.caseclock.events.Topic;
import com.caseclock.mattercache.TestEvents;
import com.caseclock.testsupport.security.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** "This matter is missing": the command to clio-connector and the answer. */
@QuarkusTest
class MatterLookupTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void publishesALookupCommandAndReportsTheAnswer() {
        String firm = TestEvents.firm();
        String token = TestTokens.lawyer(firm, "user-1");
        try (ConsumerTask<String, String> commands = companion.consumeStrings()
                .withGroupId("lookup-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.CONNECTOR_COMMAND.topicName())) {
            String lookupId = given().auth().oauth2(token).contentType("application/json")
                    .body("{\"query\":\" 00123 \"}").post("/api/v1/matters/lookups").then().statusCode(202)
                    .body("status", equalTo("PENDING")).extract().path("lookupId");

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> commands.getRecords().stream()
                    .anyMatch(r -> firm.equals(r.key())));
            ConsumerRecord<String, String> command = commands.getRecords().stream()
                    .filter(r -> firm.equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(command.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("com.caseclock.connector.matter-lookup.requested.v1");
            MatterLookupRequestedV1 requested = (MatterLookupRequestedV1) EventCodec.shared()
                    .decode(command.value(), "com.caseclock.connector.matter-lookup.requested.v1");
            assertThat(requested.lookupId()).hasToString(lookupId);
            assertThat(requested.query()).isEqualTo("00123");
            assertThat(requested.firmId()).isEqualTo(firm);

            given().auth().oauth2(token).get("/api/v1/matters/lookups/" + lookupId).then().statusCode(200)
                    .body("status", equalTo("PENDING"));
            TestEvents.publish(companion, new MatterLookupAnsweredV1(UUID.randomUUID(), firm, Instant.now(), 1,
                    requested.lookupId(), "00123", LookupOutcome.FOUND, List.of(123L), null));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                    .get("/api/v1/matters/lookups/" + lookupId).then().statusCode(200)
                    .body("status", equalTo("ANSWERED")).body("outcome", equalTo("FOUND"))
                    .body("matterIds", contains(123)));
            given().auth().oauth2(TestTokens.lawyer(TestEvents.firm(), "x")).get("/api/v1/matters/lookups/" + lookupId)
                    .then().statusCode(200).body("status", equalTo("PENDING"));
        }
    }

    @Test
    void rejectsABlankQueryOrAMalformedId() {
        String token = TestTokens.lawyer(TestEvents.firm(), "user-1");
        given().auth().oauth2(token).contentType("application/json").body("{\"query\":\"  \"}")
                .post("/api/v1/matters/lookups").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .post("/api/v1/matters/lookups").then().statusCode(400);
        given().auth().oauth2(token).get("/api/v1/matters/lookups/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
