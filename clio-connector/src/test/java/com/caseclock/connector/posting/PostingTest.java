package com.caseclock.connector.posting;

import static com.caseclock.connector.posting.PostingFixture.HARBOR;
import static com.caseclock.connector.posting.PostingFixture.NUNEZ;
import static com.caseclock.connector.posting.PostingFixture.approved;
import static com.caseclock.connector.posting.PostingFixture.last;
import static com.caseclock.connector.posting.PostingFixture.ref;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.cliosandbox.faults.FaultMode;
import com.caseclock.cliosandbox.faults.FaultRule;
import com.caseclock.cliosandbox.journal.JournalEntry;
import com.caseclock.connector.service.ConnectionService;
import com.caseclock.events.ApprovedTimeEntry;
import com.caseclock.events.EventJson;
import com.caseclock.events.FailureReason;
import com.caseclock.events.Money;
import com.caseclock.events.SyncOutcome;
import com.caseclock.events.TimeEntryApprovalUpdatedV1;
import com.caseclock.events.TimeEntryApprovedV1;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.events.TimeEntryVoidedV1;
import com.caseclock.testsupport.clio.InjectClioSandbox;
import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Issue 6 acceptance: approved entries become exactly one Clio activity each (in-process Clio sandbox, embedded Kafka,
 * real PostgreSQL).
 */
@QuarkusTest
class PostingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @InjectClioSandbox
    ClioSandbox sandbox;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ConnectionService connections;

    PostingFixture fx;

    @BeforeEach
    void setUp() {
        fx = new PostingFixture(sandbox, companion);
        sandbox.faults().clear();
    }

    @AfterEach
    void tearDown() {
        sandbox.faults().clear();
        fx.disconnectAll();
    }

    @Test
    void hundredEntriesForThreeFirmsBecomeExactlyHundredActivities() throws Exception {
        String[] firms = { PostingFixture.firm(), PostingFixture.firm(), PostingFixture.firm() };
        String[] sandboxFirms = { HARBOR, NUNEZ, HARBOR };
        long[] clioUsers = { 101, 419, 102 };
        long[] matters = { 168, 486, 171 };
        for (int f = 0; f < 3; f++) {
            fx.connect(firms[f], "lawyer-" + f, sandboxFirms[f], clioUsers[f]);
        }
        List<TimeEntryApprovedV1> events = new ArrayList<>();
        Map<UUID, Integer> firmOf = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            int f = i % 3;
            ApprovedTimeEntry e = fx.entry("lawyer-" + f, matters[f] + (i % 2), LocalDate.of(2026, 10, 1 + i % 28),
                    60L * (1 + i), "Work item " + i);
            events.add(approved(firms[f], e));
            firmOf.put(e.timeEntryId(), f);
        }
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(events.toArray(TimeEntryApprovedV1[]::new));
            Awaitility.await().atMost(TIMEOUT).until(() -> events.stream()
                    .allMatch(e -> synced(last(results, e.timeEntryId()))));
        }
        List<Map<String, Object>> created = new ArrayList<>(fx.activities(HARBOR));
        created.addAll(fx.activities(NUNEZ));
        assertThat(created).hasSize(100);
        Map<String, Map<String, Object>> byNote = created.stream()
                .collect(Collectors.toMap(a -> (String) a.get("note"), a -> a));
        for (TimeEntryApprovedV1 event : events) {
            ApprovedTimeEntry e = event.entry();
            Map<String, Object> a = byNote.get(e.note());
            assertThat(a).as(e.note()).isNotNull();
            int f = firmOf.get(e.timeEntryId());
            assertThat(ref(a, "matter")).isEqualTo(e.matterClioId());
            assertThat(ref(a, "user")).isEqualTo(clioUsers[f]);
            assertThat(a.get("date")).isEqualTo(e.workDate().toString());
            assertThat(((Number) a.get("quantity")).longValue()).isEqualTo(e.durationSeconds());
        }
    }

    @Test
    void sameEventFiveTimesAndALostAnswerGiveExactlyOneActivity() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-dup", NUNEZ, 420);
        ApprovedTimeEntry e = fx.entry("lawyer-dup", 487, LocalDate.of(2026, 11, 3), 1800, "Drafting the reply");
        TimeEntryApprovedV1 event = approved(firm, e);
        // Clio executes the create only after the connector's 4 s timeout: the answer is lost, IN_FLIGHT stays
        sandbox.faults().inject(FaultRule.of(FaultMode.DELAY, 1).onPath("/activities").forFirm(NUNEZ)
                .withDelay(Duration.ofSeconds(6)));
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(event, event, event);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> inFlight(e.timeEntryId()));
            fx.send(event, event);
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(last(results, e.timeEntryId())));
            List<Map<String, Object>> activities = fx.activitiesWithNote(NUNEZ, e.note());
            assertThat(activities).hasSize(1);
            assertThat(last(results, e.timeEntryId()).clioActivityId()).isEqualTo(PostingFixture.id(activities.get(0)));
            // the sandbox drops a request whose client gave up (status 0), so the lost POST created nothing; what
            // matters is the protocol: the retry looked the activity up in Clio before posting again
            List<JournalEntry> posts = posts(e.note());
            assertThat(posts).hasSize(2);
            assertThat(posts.get(0).status()).isZero();
            long lookups = sandbox.journal().find("GET", "/activities").stream()
                    .filter(j -> j.sequence() > posts.get(0).sequence() && j.sequence() < posts.get(1).sequence())
                    .filter(j -> j.query() != null && j.query().contains("query=Drafting")).count();
            assertThat(lookups).isEqualTo(1);
            // one more redelivery after the fact: the result is published again, nothing sent to Clio
            int before = PostingFixture.results(results, e.timeEntryId()).size();
            fx.send(event);
            Awaitility.await().atMost(TIMEOUT)
                    .until(() -> PostingFixture.results(results, e.timeEntryId()).size() > before);
            assertThat(fx.activitiesWithNote(NUNEZ, e.note())).hasSize(1);
        }
    }

    @Test
    void crashAfterThePostIsRecoveredByLookingTheActivityUp() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-crash", HARBOR, 103);
        ApprovedTimeEntry e = fx.entry("lawyer-crash", 172, LocalDate.of(2026, 11, 4), 2700, "Client call");
        // the state a crash right after Clio created the activity leaves: IN_FLIGHT here, the activity in Clio
        JsonNode body = EntryPoster.body(e, 103L, true);
        long clioId = createInClio(HARBOR, 103, body);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO activity_mapping (time_entry_id, firm_id, state, attempt_started_at, revision_applied, "
                        + "in_flight_body, updated_at) VALUES (?, ?, 'IN_FLIGHT', now() - interval '3 seconds', 1, ?, now())")) {
            s.setObject(1, e.timeEntryId());
            s.setString(2, firm);
            s.setString(3, body.toString());
            s.executeUpdate();
        }
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(approved(firm, e));
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(last(results, e.timeEntryId())));
            assertThat(last(results, e.timeEntryId()).clioActivityId()).isEqualTo(clioId);
        }
        assertThat(fx.activitiesWithNote(HARBOR, e.note())).hasSize(1);
        assertThat(posts(e.note())).hasSize(1); // only the one made before the "crash"
    }

    @Test
    void workDateIsTheLawyersCalendarDateWhateverTheZones() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-la", HARBOR, 101);
        // worked 23:30 on 2024-03-09 in Los Angeles = 2024-03-10T07:30Z = 2024-03-10 21:30 in this JVM's zone
        ApprovedTimeEntry base = fx.entry("lawyer-la", 168, LocalDate.of(2024, 3, 9), 1800, "Late filing");
        ApprovedTimeEntry e = new ApprovedTimeEntry(base.timeEntryId(), base.userId(), base.workDate(),
                "America/Los_Angeles", base.durationSeconds(), base.note(), base.matterClioId(), null, false, null,
                null, "approver-1", 1);
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(approved(firm, e));
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(last(results, e.timeEntryId())));
        }
        assertThat(fx.activitiesWithNote(HARBOR, e.note())).singleElement()
                .satisfies(a -> assertThat(a.get("date")).isEqualTo("2024-03-09"));
    }

    @Test
    void quantityIsSentInSecondsAndTheResultReportsWhatClioStored() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-q", HARBOR, 101);
        ApprovedTimeEntry ninety = fx.entry("lawyer-q", 168, LocalDate.of(2026, 11, 5), 5400, "Hearing prep");
        ApprovedTimeEntry seven = fx.entry("lawyer-q", 168, LocalDate.of(2026, 11, 5), 420, "Short call");
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(approved(firm, ninety), approved(firm, seven));
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(last(results, ninety.timeEntryId()))
                    && synced(last(results, seven.timeEntryId())));
            JsonNode sent = EventJson.mapper().readTree(posts(ninety.note()).get(0).body()).path("data");
            assertThat(sent.path("quantity").isIntegralNumber()).isTrue();
            assertThat(sent.path("quantity").asLong()).isEqualTo(5400);
            assertThat(sent.has("price")).as("no price without an override").isFalse();
            TimeEntrySyncResultV1 r = last(results, ninety.timeEntryId());
            assertThat(r.clioQuantitySeconds()).isEqualTo(5400);
            Map<String, Object> stored = fx.activitiesWithNote(HARBOR, ninety.note()).get(0);
            assertThat(r.clioPrice().amount()).isEqualByComparingTo(new java.math.BigDecimal(
                    stored.get("price").toString()));
            assertThat(r.clioTotal().amount()).isEqualByComparingTo(new java.math.BigDecimal(
                    stored.get("total").toString()));
            assertThat(r.billed()).isFalse();
            // harbor-pine rounds up to 6 minutes: 7 min are stored as 12 min
            assertThat(last(results, seven.timeEntryId()).clioQuantitySeconds()).isEqualTo(720);
        }
    }

    @Test
    void matterRateComesBackAndMismatchesAreFlagged() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-dana", HARBOR, 100);
        // matter 168: custom hourly rate 425 for Dana
        ApprovedTimeEntry expected = PostingFixture.with(fx.entry("lawyer-dana", 168, LocalDate.of(2026, 11, 6),
                3600, "Matter rate as expected"), null, Money.of("425.00", "USD"));
        ApprovedTimeEntry mismatch = PostingFixture.with(fx.entry("lawyer-dana", 168, LocalDate.of(2026, 11, 6),
                3600, "Matter rate mismatch"), null, Money.of("350.00", "USD"));
        ApprovedTimeEntry override = PostingFixture.with(fx.entry("lawyer-dana", 168, LocalDate.of(2026, 11, 6),
                3600, "Rate override"), Money.of("500.00", "USD"), Money.of("500", "USD"));
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(approved(firm, expected), approved(firm, mismatch), approved(firm, override));
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(last(results, expected.timeEntryId()))
                    && synced(last(results, mismatch.timeEntryId())) && synced(last(results, override.timeEntryId())));
            TimeEntrySyncResultV1 ok = last(results, expected.timeEntryId());
            assertThat(ok.clioPrice().isSameValueAs(Money.of("425", "USD"))).isTrue();
            assertThat(ok.expectedRate()).isEqualTo(Money.of("425.00", "USD"));
            assertThat(ok.rateMismatch()).isFalse();
            TimeEntrySyncResultV1 bad = last(results, mismatch.timeEntryId());
            assertThat(bad.clioPrice().isSameValueAs(Money.of("425", "USD"))).isTrue();
            assertThat(bad.rateMismatch()).isTrue();
            TimeEntrySyncResultV1 typed = last(results, override.timeEntryId());
            assertThat(typed.clioPrice().isSameValueAs(Money.of("500", "USD"))).isTrue();
            assertThat(typed.rateMismatch()).isFalse();
            JsonNode sent = EventJson.mapper().readTree(posts(override.note()).get(0).body()).path("data");
            assertThat(sent.path("price").decimalValue()).isEqualByComparingTo("500");
        }
    }

    @Test
    void oneFirmWaitingOutA429DoesNotHoldBackAnother() throws Exception {
        String slow = PostingFixture.firm();
        String fast = PostingFixture.firm();
        fx.connect(slow, "lawyer-slow", HARBOR, 102);
        fx.connect(fast, "lawyer-fast", NUNEZ, 419);
        sandbox.faults().inject(FaultRule.of(FaultMode.RATE_LIMIT_STORM, 1).onPath("/activities").forFirm(HARBOR)
                .withDelay(Duration.ofSeconds(60)));
        ApprovedTimeEntry throttled = fx.entry("lawyer-slow", 168, LocalDate.of(2026, 11, 7), 600, "Throttled");
        List<ApprovedTimeEntry> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(fx.entry("lawyer-fast", 486, LocalDate.of(2026, 11, 7), 900, "Not held back " + i));
        }
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(approved(slow, throttled));
            Awaitility.await().atMost(TIMEOUT).until(() -> throttledUntil(slow) != null);
            Instant waitEnds = throttledUntil(slow);
            fx.send(others.stream().map(e -> approved(fast, e)).toArray(TimeEntryApprovedV1[]::new));
            Awaitility.await().atMost(TIMEOUT).until(() -> others.stream()
                    .allMatch(e -> synced(last(results, e.timeEntryId()))));
            assertThat(last(results, throttled.timeEntryId())).as("the throttled firm's entry is still waiting")
                    .isNull();
            assertThat(dbNow()).isBefore(waitEnds);
            assertThat(jobState(throttled.timeEntryId())).isEqualTo("PENDING");
            assertThat(fx.activitiesWithNote(HARBOR, throttled.note())).isEmpty();

            // fast-forward the wait (instead of sleeping 60 s): the parked entry is then sent, once
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE posting_firm_throttle SET not_before = now() WHERE firm_id = ?; "
                            + "UPDATE posting_job SET not_before = now() WHERE firm_id = ?")) {
                s.setString(1, slow);
                s.setString(2, slow);
                s.executeUpdate();
            }
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(last(results, throttled.timeEntryId())));
        }
        assertThat(fx.activitiesWithNote(HARBOR, throttled.note())).hasSize(1);
    }

    @Test
    void aLong503RunEndsFailedAndDeadLetteredWithNothingLost() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-503", NUNEZ, 421);
        ApprovedTimeEntry e = fx.entry("lawyer-503", 488, LocalDate.of(2026, 11, 8), 1200, "During the outage");
        TimeEntryApprovedV1 event = approved(firm, e);
        sandbox.faults().inject(FaultRule.of(FaultMode.HTTP_503, 1000).onPath("/activities").forFirm(NUNEZ));
        try (ConsumerTask<String, String> results = fx.results();
                ConsumerTask<String, String> deadLetters = fx.deadLetters()) {
            fx.send(event);
            Awaitility.await().atMost(TIMEOUT).until(() -> last(results, e.timeEntryId()) != null);
            TimeEntrySyncResultV1 failed = last(results, e.timeEntryId());
            assertThat(failed.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(failed.failure().reason()).isEqualTo(FailureReason.CLIO_UNAVAILABLE);
            assertThat(failed.failure().retryable()).isTrue();
            assertThat(failed.failure().attempts()).isEqualTo(4);
            assertThat(failed.sourceEventId()).isEqualTo(event.eventId());
            Awaitility.await().atMost(TIMEOUT).until(() -> deadLetters.getRecords().stream()
                    .anyMatch(r -> r.key().equals(e.timeEntryId().toString())));
            ConsumerRecord<String, String> dead = deadLetters.getRecords().stream()
                    .filter(r -> r.key().equals(e.timeEntryId().toString())).findFirst().orElseThrow();
            assertThat(header(dead, "dead-letter-reason")).startsWith("CLIO_UNAVAILABLE");
            assertThat(header(dead, DeadLetterPublisher.ATTEMPTS)).isEqualTo("4");
            assertThat(Instant.parse(header(dead, DeadLetterPublisher.FIRST_FAILURE)))
                    .isBeforeOrEqualTo(Instant.parse(header(dead, DeadLetterPublisher.LAST_FAILURE)));
            assertThat(header(dead, "ce_id")).isEqualTo(event.eventId().toString());
            assertThat(dead.value()).contains(e.timeEntryId().toString());

            // Clio is back; support replays the dead letter: the entry lands exactly once
            sandbox.faults().clear();
            fx.send(event);
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(last(results, e.timeEntryId())));
        }
        assertThat(fx.activitiesWithNote(NUNEZ, e.note())).hasSize(1);
    }

    @Test
    void updatePatchesVoidDeletesAndABilledActivityIsLeftAlone() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-upd", HARBOR, 101);
        ApprovedTimeEntry e = fx.entry("lawyer-upd", 168, LocalDate.of(2026, 11, 9), 1800, "To be changed");
        ApprovedTimeEntry billedEntry = fx.entry("lawyer-upd", 168, LocalDate.of(2026, 11, 9), 1800, "To be billed");
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(approved(firm, e), approved(firm, billedEntry));
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(last(results, e.timeEntryId()))
                    && synced(last(results, billedEntry.timeEntryId())));
            long clioId = last(results, e.timeEntryId()).clioActivityId();

            ApprovedTimeEntry changed = new ApprovedTimeEntry(e.timeEntryId(), e.userId(), e.workDate(),
                    e.timeZone(), 3600, e.note(), e.matterClioId(), null, false, null, null, "approver-1", 2);
            fx.send(TimeEntryApprovalUpdatedV1.of(firm, Instant.now(), changed));
            Awaitility.await().atMost(TIMEOUT).until(() -> last(results, e.timeEntryId()).revision() == 2);
            assertThat(last(results, e.timeEntryId()).outcome()).isEqualTo(SyncOutcome.SYNCED);
            assertThat(last(results, e.timeEntryId()).clioActivityId()).isEqualTo(clioId);
            assertThat(fx.activitiesWithNote(HARBOR, e.note())).singleElement()
                    .satisfies(a -> assertThat(((Number) a.get("quantity")).longValue()).isEqualTo(3600));
            assertThat(sandbox.journal().find("PATCH", "/activities/" + clioId)).isNotEmpty();

            fx.send(voided(firm, e, 3));
            Awaitility.await().atMost(TIMEOUT).until(() -> last(results, e.timeEntryId()).revision() == 3);
            assertThat(last(results, e.timeEntryId()).outcome()).isEqualTo(SyncOutcome.VOIDED);
            assertThat(fx.activitiesWithNote(HARBOR, e.note())).isEmpty();

            long billedId = last(results, billedEntry.timeEntryId()).clioActivityId();
            sandbox.admin().markBilled(billedId);
            fx.send(voided(firm, billedEntry, 2));
            Awaitility.await().atMost(TIMEOUT).until(() -> last(results, billedEntry.timeEntryId()).revision() == 2);
            TimeEntrySyncResultV1 refused = last(results, billedEntry.timeEntryId());
            assertThat(refused.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(refused.failure().reason()).isEqualTo(FailureReason.ACTIVITY_BILLED);
            assertThat(refused.failure().retryable()).isFalse();
            assertThat(refused.failure().message()).contains("already on a bill").contains("not deleted");
            assertThat(refused.billed()).isTrue();
            assertThat(fx.activitiesWithNote(HARBOR, billedEntry.note())).hasSize(1);
            assertThat(sandbox.journal().find("DELETE", "/activities/" + billedId)).isEmpty();
        }
    }

    @Test
    void aRevokedConnectionParksEntriesUntilTheUserReconnects() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-revoked", NUNEZ, 418);
        sandbox.admin().revokeToken(connections.accessToken(firm, "lawyer-revoked").value());
        ApprovedTimeEntry e = fx.entry("lawyer-revoked", 486, LocalDate.of(2026, 11, 10), 900, "While revoked");
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(approved(firm, e));
            Awaitility.await().atMost(TIMEOUT).until(() -> last(results, e.timeEntryId()) != null);
            TimeEntrySyncResultV1 parked = last(results, e.timeEntryId());
            assertThat(parked.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(parked.failure().reason()).isEqualTo(FailureReason.NEEDS_RECONNECT);
            assertThat(parked.failure().retryable()).isTrue();
            assertThat(jobState(e.timeEntryId())).isEqualTo("WAITING_FOR_CONNECTION");

            fx.connect(firm, "lawyer-revoked", NUNEZ, 418);
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(last(results, e.timeEntryId())));
            assertThat(last(results, e.timeEntryId()).sourceEventId()).isEqualTo(parked.sourceEventId());
        }
        assertThat(fx.activitiesWithNote(NUNEZ, e.note())).hasSize(1);
    }

    @Test
    void clioRefusalsAreClassified() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-refused", HARBOR, 101);
        ApprovedTimeEntry noMatter = fx.entry("lawyer-refused", 999_999, LocalDate.of(2026, 11, 11), 600,
                "Unknown matter");
        ApprovedTimeEntry base = fx.entry("lawyer-refused", 168, LocalDate.of(2026, 11, 11), 600, "Unknown activity");
        ApprovedTimeEntry noDescription = new ApprovedTimeEntry(base.timeEntryId(), base.userId(), base.workDate(),
                base.timeZone(), base.durationSeconds(), base.note(), base.matterClioId(), 999_998L, false, null, null,
                "approver-1", 1);
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(approved(firm, noMatter), approved(firm, noDescription));
            Awaitility.await().atMost(TIMEOUT).until(() -> last(results, noMatter.timeEntryId()) != null
                    && last(results, noDescription.timeEntryId()) != null);
            TimeEntrySyncResultV1 matter = last(results, noMatter.timeEntryId());
            assertThat(matter.outcome()).isEqualTo(SyncOutcome.FAILED);
            assertThat(matter.failure().reason()).isEqualTo(FailureReason.MATTER_NOT_FOUND);
            assertThat(matter.failure().retryable()).isFalse();
            assertThat(matter.failure().clioStatus()).isEqualTo(404);
            TimeEntrySyncResultV1 rejected = last(results, noDescription.timeEntryId());
            assertThat(rejected.failure().reason()).isEqualTo(FailureReason.VALIDATION_REJECTED);
            assertThat(rejected.failure().message()).contains("ActivityDescription 999998 not found");
        }
        assertThat(jobState(noMatter.timeEntryId())).isEqualTo("FAILED");
        assertThat(single("SELECT state FROM activity_mapping WHERE time_entry_id = ?", noMatter.timeEntryId()))
                .as("a refused create leaves no in-flight marker").isNull();
    }

    @Test
    void aNewerRevisionSupersedesAQueuedOneAndBothEventsAreAnswered() throws Exception {
        String firm = PostingFixture.firm();
        fx.connect(firm, "lawyer-rev", NUNEZ, 419);
        ApprovedTimeEntry first = fx.entry("lawyer-rev", 486, LocalDate.of(2026, 11, 12), 900, "Revised entry");
        ApprovedTimeEntry second = new ApprovedTimeEntry(first.timeEntryId(), first.userId(), first.workDate(),
                first.timeZone(), 2700, first.note(), first.matterClioId(), null, false, null, null, "approver-1", 2);
        TimeEntryApprovedV1 approval = approved(firm, first);
        TimeEntryApprovalUpdatedV1 update = TimeEntryApprovalUpdatedV1.of(firm, Instant.now(), second);
        try (ConsumerTask<String, String> results = fx.results()) {
            fx.send(approval, update, approval); // the stale redelivery of revision 1 is ignored
            Awaitility.await().atMost(TIMEOUT).until(() -> PostingFixture.results(results, first.timeEntryId())
                    .stream().filter(r -> r.outcome() == SyncOutcome.SYNCED).map(r -> r.sourceEventId())
                    .collect(Collectors.toSet()).containsAll(List.of(approval.eventId(), update.eventId())));
        }
        assertThat(fx.activitiesWithNote(NUNEZ, first.note())).singleElement()
                .satisfies(a -> assertThat(((Number) a.get("quantity")).longValue()).isEqualTo(2700));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static boolean synced(TimeEntrySyncResultV1 r) {
        return r != null && r.outcome() == SyncOutcome.SYNCED;
    }

    private static TimeEntryVoidedV1 voided(String firm, ApprovedTimeEntry e, long revision) {
        return new TimeEntryVoidedV1(UUID.randomUUID(), firm, Instant.now(), TimeEntryVoidedV1.SCHEMA_VERSION,
                e.timeEntryId(), e.userId(), revision, "Entered twice", "approver-1");
    }

    private List<JournalEntry> posts(String note) {
        return sandbox.journal().find("POST", "/activities").stream()
                .filter(j -> j.body() != null && j.body().contains(note)).toList();
    }

    private long createInClio(String sandboxFirm, long clioUserId, JsonNode body) throws Exception {
        String token = sandbox.issueToken(sandboxFirm, clioUserId).accessToken();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.apiUrl() + "/activities.json"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        return EventJson.mapper().readTree(response.body()).path("data").path("id").asLong();
    }

    private boolean inFlight(UUID id) throws Exception {
        return "IN_FLIGHT".equals(single("SELECT state FROM activity_mapping WHERE time_entry_id = ?", id));
    }

    private String jobState(UUID id) throws Exception {
        return single("SELECT state FROM posting_job WHERE time_entry_id = ?", id);
    }

    private Instant throttledUntil(String firm) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT not_before FROM posting_firm_throttle WHERE firm_id = ?")) {
            s.setString(1, firm);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private Instant dbNow() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT now()");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    private String single(String sql, Object arg) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
