package com.caseclock.timeentry.service;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.create;
import static com.caseclock.timeentry.support.Api.etag;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.EventCodec;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.TimeEntryApprovalEvent;
import com.caseclock.events.TimeEntryApprovedV1;
import com.caseclock.events.Topic;
import com.caseclock.timeentry.support.Db;
import com.caseclock.timeentry.support.Matters;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Approval rules, bulk all-or-nothing, and approve → edit → void events through the outbox, in order. */
@QuarkusTest
class ApprovalFlowTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void approvalNeedsAKnownOpenMatterAPositiveDurationAndNoFutureDate() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        long closed = Matters.known(companion, dataSource, firm, "00007-Closed", MatterStatus.CLOSED);
        String tomorrow = LocalDate.now(ZoneId.of("America/Los_Angeles")).plusDays(1).toString();

        rejected(token, create(token, Map.of("durationSeconds", 60)).path("id"), "matterId");
        rejected(token, create(token, Map.of("durationSeconds", 60, "matterId", 123_456_789)).path("id"), "matterId");
        rejected(token, create(token, Map.of("durationSeconds", 60, "matterId", closed)).path("id"), "matterId");
        rejected(token, create(token, Map.of("durationSeconds", 0, "matterId", closed)).path("id"), "durationSeconds");
        rejected(token, create(token, Map.of("durationSeconds", 60, "workDate", tomorrow)).path("id"), "workDate");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM time_entry WHERE firm_id = ? AND status <> 'DRAFT'",
                firm)).isZero();
        assertThat(Db.count(dataSource, "SELECT count(*) FROM outbox_event WHERE payload LIKE ?",
                "%\"firmId\":\"" + firm + "\"%")).isZero();

        // A firm that allows closed matters may approve on one.
        String admin = com.caseclock.testsupport.security.TestTokens.firmAdmin(firm, "boss");
        as(admin).header("If-Match", "\"0\"").body(Map.of("roundingIncrementMinutes", 15, "roundingDirection",
                "NEAREST", "allowClosedMatters", true, "maxRunningTimers", 2))
                .put("/api/v1/firm-settings").then().statusCode(200).body("allowClosedMatters", equalTo(true));
        String onClosed = create(token, Map.of("durationSeconds", 450, "matterId", closed)).then()
                .body("billablePreviewSeconds", equalTo(900)).extract().path("id");
        as(token).header("If-Match", "\"0\"").post("/api/v1/time-entries/" + onClosed + "/approve").then()
                .statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void bulkApprovalIsAllOrNothingWithAReportPerEntry() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        long matter = Matters.known(companion, dataSource, firm, "00100-Bulk", MatterStatus.OPEN);
        String a = create(token, Map.of("durationSeconds", 60, "matterId", matter)).path("id");
        String b = create(token, Map.of("durationSeconds", 60)).path("id");
        String c = create(token, Map.of("durationSeconds", 60, "matterId", matter)).path("id");
        String foreign = create(lawyer(firm, "colleague"), Map.of("durationSeconds", 60, "matterId", matter))
                .path("id");

        as(token).body(Map.of("entries", List.of(item(a, 0), item(b, 0), item(c, 5), item(foreign, 0))))
                .post("/api/v1/time-entries/approvals").then().statusCode(422)
                .contentType("application/problem+json")
                .body("approved", equalTo(false))
                .body("results.outcome", equalTo(List.of("NOT_APPROVED", "REJECTED", "REJECTED", "REJECTED")))
                .body("results[1].problems.field", hasItem("matterId"))
                .body("results[2].problems.field", hasItem("version"))
                .body("results[3].problems.message", hasItem("time entry not found"));
        assertThat(Db.count(dataSource, "SELECT count(*) FROM time_entry WHERE firm_id = ? AND status = 'APPROVED'",
                firm)).isZero();

        as(token).header("If-Match", "\"0\"").body(Map.of("matterId", matter))
                .patch("/api/v1/time-entries/" + b).then().statusCode(200);
        as(token).body(Map.of("entries", List.of(item(a, 0), item(b, 1), item(c, 0))))
                .post("/api/v1/time-entries/approvals").then().statusCode(200)
                .body("approved", equalTo(true))
                .body("results.outcome", equalTo(List.of("APPROVED", "APPROVED", "APPROVED")))
                .body("results.version", hasItems(1, 2));
    }

    @Test
    void approveThenEditThenVoidPublishesThreeEventsInOrderWithRisingRevisions() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        long matter = Matters.known(companion, dataSource, firm, "00200-Order", MatterStatus.OPEN);
        String id = create(token, Map.of("workDate", "2025-03-14", "durationSeconds", 5400, "note", "Drafted reply",
                "matterId", matter)).path("id");

        try (ConsumerTask<String, String> approvals = companion.consumeStrings()
                .withGroupId("approval-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.TIME_ENTRY_APPROVAL.topicName())) {
            String v1 = as(token).header("If-Match", "\"0\"").post("/api/v1/time-entries/" + id + "/approve")
                    .then().statusCode(200).body("status", equalTo("APPROVED")).extract().header("ETag");
            String v2 = as(token).header("If-Match", v1).body(Map.of("durationSeconds", 6000))
                    .patch("/api/v1/time-entries/" + id).then().statusCode(200)
                    .body("status", equalTo("APPROVED")).extract().header("ETag");
            as(token).header("If-Match", v2).body(Map.of("reason", "Entered twice"))
                    .post("/api/v1/time-entries/" + id + "/void").then().statusCode(200)
                    .body("status", equalTo("VOIDED"));
            as(token).header("If-Match", etag(token, id)).delete("/api/v1/time-entries/" + id).then()
                    .statusCode(409);

            Awaitility.await().atMost(TIMEOUT).until(() -> ours(approvals.getRecords(), id).size() == 3);
            List<ConsumerRecord<String, String>> records = ours(approvals.getRecords(), id);
            assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(
                    "com.caseclock.timeentry.approved.v1", "com.caseclock.timeentry.approval-updated.v1",
                    "com.caseclock.timeentry.voided.v1");
            List<Long> revisions = records.stream()
                    .map(r -> ((TimeEntryApprovalEvent) EventCodec.shared().decode(r.value(), header(r, "ce_type")))
                            .revision())
                    .toList();
            assertThat(revisions).isSorted().doesNotHaveDuplicates();
            TimeEntryApprovedV1 approved = (TimeEntryApprovedV1) EventCodec.shared().decode(records.get(0).value(),
                    header(records.get(0), "ce_type"));
            assertThat(approved.entry().durationSeconds()).as("raw seconds, never rounded").isEqualTo(5400);
            assertThat(approved.entry().matterClioId()).isEqualTo(matter);
            assertThat(approved.entry().approvedBy()).isEqualTo("dana");
            assertThat(approved.entry().timeZone()).isEqualTo("America/Los_Angeles");
            assertThat(header(records.get(0), "ce_source")).isEqualTo("/caseclock/timeentry-service");

            JsonPath audit = as(token).get("/api/v1/time-entries/" + id + "/audit").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(audit.getList("action", String.class)).containsExactly("CREATED", "APPROVED",
                    "UPDATED_AFTER_APPROVAL", "VOIDED");
            assertThat(audit.getList("eventSent", String.class).subList(1, 4))
                    .containsExactlyElementsOf(records.stream().map(r -> header(r, "ce_id")).toList());
        }
    }

    private static void rejected(String token, String id, String field) {
        as(token).header("If-Match", "\"0\"").post("/api/v1/time-entries/" + id + "/approve").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
        as(token).get("/api/v1/time-entries/" + id).then().body("status", equalTo("DRAFT"));
    }

    private static Map<String, Object> item(String id, long version) {
        return Map.of("id", id, "version", version);
    }

    static List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
