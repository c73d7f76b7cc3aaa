package com.caseclock.connector.posting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.events.ApprovedTimeEntry;
import com.caseclock.events.EventCodec;
import com.caseclock.events.Money;
import com.caseclock.events.TimeEntryApprovalEvent;
import com.caseclock.events.TimeEntryApprovedV1;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.kafka.CloudEventRecords;
import com.caseclock.testsupport.security.TestTokens;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Helpers shared by the posting tests: connect users, publish approval events, read results and sandbox state. */
final class PostingFixture {

    static final String HARBOR = "harbor-pine";
    static final String NUNEZ = "nunez-oconnor";

    private final ClioSandbox sandbox;
    private final KafkaCompanion companion;
    /** A tag in every note of this test, to find our activities in the shared sandbox. */
    final String tag = "t" + UUID.randomUUID().toString().substring(0, 8);

    PostingFixture(ClioSandbox sandbox, KafkaCompanion companion) {
        this.sandbox = sandbox;
        this.companion = companion;
    }

    private final List<String[]> connected = new ArrayList<>();

    /** Connects CaseClock user (firmId, userId) to the sandbox firm's Clio user through the real OAuth flow. */
    void connect(String firmId, String userId, String sandboxFirm, long clioUserId) throws Exception {
        sandbox.admin().autoConsentAs(sandboxFirm, clioUserId);
        OAuthFlow.connect(firmId, userId);
        connected.add(new String[] { firmId, userId });
    }

    /**
     * Disconnects every user this fixture connected, so their firms' background syncs stop calling the shared
     * sandbox (other tests count the sandbox's faults and requests per sandbox firm).
     */
    void disconnectAll() {
        for (String[] c : connected) {
            io.restassured.RestAssured.given().auth().oauth2(TestTokens.lawyer(c[0], c[1]))
                    .delete("/api/v1/connections/clio").then().statusCode(204);
        }
        connected.clear();
    }

    static String firm() {
        return "firm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ApprovedTimeEntry entry(String userId, long matter, LocalDate date, long seconds, String note) {
        return new ApprovedTimeEntry(UUID.randomUUID(), userId, date, "America/New_York", seconds,
                note + " " + tag, matter, null, false, null, null, "approver-1", 1);
    }

    static ApprovedTimeEntry with(ApprovedTimeEntry e, Money rateOverride, Money expectedRate) {
        return new ApprovedTimeEntry(e.timeEntryId(), e.userId(), e.workDate(), e.timeZone(), e.durationSeconds(),
                e.note(), e.matterClioId(), e.activityDescriptionClioId(), e.nonBillable(), rateOverride, expectedRate,
                e.approvedBy(), e.revision());
    }

    static TimeEntryApprovedV1 approved(String firmId, ApprovedTimeEntry entry) {
        return TimeEntryApprovedV1.of(firmId, Instant.now(), entry);
    }

    void send(TimeEntryApprovalEvent... events) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (TimeEntryApprovalEvent e : events) {
            records.add(CloudEventRecords.record(Topic.TIME_ENTRY_APPROVAL.topicName(), e.kafkaKey(), e.eventId(),
                    e.type().ceType(), EventCodec.shared().encode(e)));
        }
        companion.produceStrings().fromRecords(records).awaitCompletion();
    }

    ConsumerTask<String, String> results() {
        return companion.consumeStrings().withGroupId("posting-probe-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest").fromTopics(Topic.TIME_ENTRY_SYNC_RESULT.topicName());
    }

    ConsumerTask<String, String> deadLetters() {
        return companion.consumeStrings().withGroupId("posting-dlq-probe-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest").fromTopics(Topic.CONNECTOR_DEAD_LETTER.topicName());
    }

    static List<TimeEntrySyncResultV1> results(ConsumerTask<String, String> task, UUID timeEntryId) {
        List<TimeEntrySyncResultV1> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : task.getRecords()) {
            if (r.key().equals(timeEntryId.toString())) {
                out.add(EventCodec.shared().decode(r.value(), TimeEntrySyncResultV1.class));
            }
        }
        return out;
    }

    static TimeEntrySyncResultV1 last(ConsumerTask<String, String> task, UUID timeEntryId) {
        List<TimeEntrySyncResultV1> all = results(task, timeEntryId);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** Our activities (note carries this fixture's tag) in a sandbox firm. */
    List<Map<String, Object>> activities(String sandboxFirm) {
        return sandbox.admin().activities(sandboxFirm).stream()
                .filter(a -> a.get("note") instanceof String n && n.endsWith(" " + tag)).toList();
    }

    List<Map<String, Object>> activitiesWithNote(String sandboxFirm, String note) {
        return sandbox.admin().activities(sandboxFirm).stream().filter(a -> Objects.equals(a.get("note"), note))
                .toList();
    }

    static long id(Map<String, Object> nested) {
        return ((Number) nested.get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    static long ref(Map<String, Object> activity, String name) {
        return id((Map<String, Object>) activity.get(name));
    }
}
