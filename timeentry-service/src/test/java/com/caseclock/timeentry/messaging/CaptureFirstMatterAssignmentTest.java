package com.caseclock.timeentry.messaging;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.create;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.MatterStatus;
import com.caseclock.timeentry.support.Events;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Capture first, fix later: entries wait for their matter, which arrives on the matter topic. */
@QuarkusTest
class CaptureFirstMatterAssignmentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void entryWaitingForADisplayNumberIsAssignedWhenTheMatterArrivesAndTheAuditTrailShowsIt() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        long clioId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String waiting = create(token, Map.of("durationSeconds", 1800, "note", "Drafted lease",
                "pendingMatterReference", " 00042-O'Brien ")).path("id");
        String vague = create(token, Map.of("durationSeconds", 600, "pendingMatterReference", "brien")).path("id");
        String otherToken = lawyer(uniqueFirm(), "dana");
        String otherFirm = create(otherToken,
                Map.of("durationSeconds", 60, "pendingMatterReference", "00042-O'Brien")).path("id");
        as(token).get("/api/v1/time-entries/" + waiting).then().statusCode(200)
                .body("matterId", nullValue()).body("pendingMatterReference", equalTo("00042-O'Brien"));

        MatterChangedV1 matter = Events.matter(firm, clioId, "00042-o'brien", MatterStatus.OPEN, Instant.now());
        Events.publish(companion, matter);

        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> as(token).get("/api/v1/time-entries/" + waiting)
                .then().statusCode(200).body("matterId", equalTo(clioId)).body("pendingMatterReference", nullValue()));

        JsonPath audit = as(token).get("/api/v1/time-entries/" + waiting + "/audit").then().statusCode(200)
                .extract().jsonPath();
        List<String> actions = audit.getList("action");
        assertThat(actions).containsExactly("CREATED", "MATTER_ASSIGNED_AUTOMATICALLY");
        assertThat(audit.getString("[1].actor")).isEqualTo("system:matter-projection");
        assertThat(audit.getString("[1].eventReceived")).isEqualTo(matter.eventId().toString());
        assertThat(audit.getString("[1].details.pendingMatterReference")).isEqualTo("00042-O'Brien");
        assertThat(audit.getLong("[1].details.matterId")).isEqualTo(clioId);

        // Not an exact display number: stays unassigned but lists the matter as a candidate.
        as(token).get("/api/v1/time-entries/" + vague).then().statusCode(200)
                .body("matterId", nullValue())
                .body("candidateMatters[0].matterId", equalTo(clioId))
                .body("candidateMatters[0].displayNumber", equalTo("00042-o'brien"));
        as(token).get("/api/v1/time-entries/" + vague + "/candidate-matters").then().statusCode(200)
                .body("[0].matterId", equalTo(clioId));
        // Another firm's entry with the same reference is not touched.
        as(otherToken).get("/api/v1/time-entries/" + otherFirm).then().statusCode(200)
                .body("matterId", nullValue()).body("pendingMatterReference", equalTo("00042-O'Brien"));

        // Captured after the matter is known: assigned at once.
        create(token, Map.of("durationSeconds", 60, "pendingMatterReference", "00042-O'BRIEN"))
                .then().body("matterId", equalTo(clioId)).body("pendingMatterReference", nullValue());
    }

    @Test
    void aDisplayNumberChangedWithinTheSameClioSecondStillAssignsTheWaitingEntry() {
        // Clio's updated_at has whole seconds: the renumbering below carries the same time as the first version and
        // must still replace it (the later on the partition wins)
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        long clioId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String waiting = create(token, Map.of("durationSeconds", 900, "pendingMatterReference", "00050-Renamed"))
                .path("id");
        Instant sameSecond = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Events.publish(companion, Events.matter(firm, clioId, "00050-Draft", MatterStatus.OPEN, sameSecond));
        Events.publish(companion, Events.matter(firm, clioId, "00050-Renamed", MatterStatus.OPEN, sameSecond));

        Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> as(token).get("/api/v1/time-entries/" + waiting)
                .then().statusCode(200).body("matterId", equalTo(clioId)));
    }
}
