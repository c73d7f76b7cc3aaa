package com.caseclock.connector.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.cliosandbox.faults.FaultMode;
import com.caseclock.cliosandbox.faults.FaultRule;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.connector.service.ConnectionService;
import com.caseclock.connector.service.TokenCipher;
import com.caseclock.events.ApprovedTimeEntry;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventType;
import com.caseclock.events.MatterLookupRequestedV1;
import com.caseclock.events.ResyncFirmRequestedV1;
import com.caseclock.events.SyncOutcome;
import com.caseclock.events.TimeEntryApprovedV1;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.events.Topic;
import com.caseclock.service.messaging.DeadLetterHeaders;
import com.caseclock.testsupport.clio.InjectClioSandbox;
import com.caseclock.testsupport.kafka.CloudEventRecords;
import com.caseclock.testsupport.security.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Issue 10 acceptance, connector side (in-process Clio sandbox, embedded Kafka, real PostgreSQL): failed sync events
 * reach the support index with plain-word reasons and the full dead-letter header set; replays post exactly once and a
 * second replay changes nothing; firm isolation (404) and roles (403); bad input (400/404 problem+json); matter
 * repairs go through the command topic; the diagnostics bundle has its fields and no token or secret.
 */
@QuarkusTest
class SupportToolingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String NUNEZ = "nunez-oconnor";
    private static final String SUPPORT = TestTokens.support("support-sam");

    @InjectClioSandbox
    ClioSandbox sandbox;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ConnectionService connections;

    @Inject
    TokenCipher cipher;

    @ConfigProperty(name = "connector.clio.client-secret")
    String clientSecret;

    private final String tag = "s" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String[]> connected = new ArrayList<>();

    @BeforeEach
    void setUp() {
        sandbox.faults().clear();
    }

    @AfterEach
    void tearDown() {
        sandbox.faults().clear();
        for (String[] c : connected) {
            given().auth().oauth2(TestTokens.lawyer(c[0], c[1])).delete("/api/v1/connections/clio").then()
                    .statusCode(204);
        }
        connected.clear();
    }

    @Test
    void a422AndA503RunAreListedInPlainWordsAndReplaysPostExactlyOnce() throws Exception {
        String firm = firm();
        connect(firm, "lawyer-sup", NUNEZ, 419);
        ApprovedTimeEntry refused = entry("lawyer-sup", 486, "Refused by validation");
        ApprovedTimeEntry outage = entry("lawyer-sup", 487, "Posted during an outage");
        TimeEntryApprovedV1 refusedEvent = TimeEntryApprovedV1.of(firm, Instant.now(), refused);
        TimeEntryApprovedV1 outageEvent = TimeEntryApprovedV1.of(firm, Instant.now(), outage);

        try (ConsumerTask<String, String> results = consume(Topic.TIME_ENTRY_SYNC_RESULT);
                ConsumerTask<String, String> deadLetters = consume(Topic.CONNECTOR_DEAD_LETTER)) {
            sandbox.faults().inject(FaultRule.of(FaultMode.HTTP_422, 1).onPath("/activities").forFirm(NUNEZ));
            send(refusedEvent);
            JsonPath validation = awaitListed(firm, refused.timeEntryId());
            assertThat(validation.getString("reasonCode")).isEqualTo("VALIDATION_REJECTED");
            assertThat(validation.getString("reason")).startsWith("Clio rejected the entry")
                    .contains("Injected fault: the record is invalid");
            assertThat(validation.getInt("clioStatus")).isEqualTo(422);
            assertThat(validation.getString("state")).isEqualTo("OPEN");

            sandbox.faults().inject(FaultRule.of(FaultMode.HTTP_503, 1000).onPath("/activities").forFirm(NUNEZ));
            send(outageEvent);
            JsonPath unavailable = awaitListed(firm, outage.timeEntryId());
            assertThat(unavailable.getString("reasonCode")).isEqualTo("CLIO_UNAVAILABLE");
            assertThat(unavailable.getString("reason")).contains("Clio was unavailable").contains("4 attempts");
            assertThat(unavailable.getInt("attempts")).isEqualTo(4);
            assertThat(unavailable.getInt("clioStatus")).isEqualTo(503);

            // the dead-letter record carries the whole header set
            ConsumerRecord<String, String> dead = awaitRecord(deadLetters, refused.timeEntryId().toString());
            assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("clio-connector");
            assertThat(header(dead, DeadLetterHeaders.FAILURE_REASON)).isEqualTo("VALIDATION_REJECTED");
            assertThat(header(dead, DeadLetterHeaders.EXCEPTION_CLASS)).endsWith("ClioApiException");
            assertThat(header(dead, DeadLetterHeaders.CLIO_STATUS)).isEqualTo("422");
            assertThat(header(dead, DeadLetterHeaders.CLIO_BODY)).contains("RecordInvalid");
            assertThat(header(dead, DeadLetterHeaders.FIRM_ID)).isEqualTo(firm);
            assertThat(header(dead, DeadLetterHeaders.USER_ID)).isEqualTo("lawyer-sup");
            assertThat(header(dead, DeadLetterHeaders.ENTRY_ID)).isEqualTo(refused.timeEntryId().toString());
            assertThat(header(dead, DeadLetterHeaders.MATTER_ID)).isEqualTo("486");
            assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
            assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo(Topic.TIME_ENTRY_APPROVAL.topicName());
            assertThat(Instant.parse(header(dead, DeadLetterHeaders.FIRST_FAILURE)))
                    .isBeforeOrEqualTo(Instant.parse(header(dead, DeadLetterHeaders.LAST_FAILURE)));
            assertThat(dead.value()).isEqualTo(EventCodec.shared().encode(refusedEvent));

            // the cause is fixed in the sandbox; support replays both
            sandbox.faults().clear();
            String refusedId = validation.getString("id");
            String outageId = unavailable.getString("id");
            replay(refusedId);
            replay(outageId);
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(results, refused.timeEntryId()) == 1
                    && synced(results, outage.timeEntryId()) == 1);
            assertThat(activities(refused.note())).hasSize(1);
            assertThat(activities(outage.note())).hasSize(1);
            assertThat(creates()).as("one create per entry").isEqualTo(2);

            // replaying again answers again but changes nothing in Clio
            replay(refusedId);
            replay(outageId);
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(results, refused.timeEntryId()) == 2
                    && synced(results, outage.timeEntryId()) == 2);
            assertThat(activities(refused.note())).hasSize(1);
            assertThat(activities(outage.note())).hasSize(1);
            assertThat(creates()).as("no create after the first replays").isEqualTo(2);
        }

        JsonPath shown = given().auth().oauth2(SUPPORT).get("/api/v1/support/failures/{id}",
                awaitListed(firm, refused.timeEntryId()).getString("id")).then().statusCode(200).extract().jsonPath();
        assertThat(shown.getList("history.action")).containsExactly("FAILED", "REPLAYED", "REPLAYED");
        assertThat(shown.getList("history.actor")).containsExactly(null, "support-sam", "support-sam");
        assertThat(shown.getString("summary.postingState")).isEqualTo("DONE");
        assertThat(shown.getString("originalEvent.entry.timeEntryId")).isEqualTo(refused.timeEntryId().toString());
        assertThat(shown.getString("originalHeaders.ce_id")).isEqualTo(refusedEvent.eventId().toString());

        given().auth().oauth2(SUPPORT).contentType("application/json").body(Map.of("comment", "Replayed; posted once"))
                .post("/api/v1/support/failures/{id}/resolve", shown.getString("summary.id")).then()
                .statusCode(200).body("summary.state", equalTo("RESOLVED"))
                .body("history[3].action", equalTo("RESOLVED"))
                .body("history[3].detail", equalTo("Replayed; posted once"))
                .body("history[3].actor", equalTo("support-sam"));
    }

    @Test
    void aFirmAdminSeesOnlyTheirFirmLawyersAreRefusedAndBadInputIsAProblem() {
        String firm = firm();
        String otherFirm = firm();
        UUID entryId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // schema-violating approval: the consumer dead-letters it (SmallRye strategy plus the support headers)
        String poison = "{\"eventId\":\"" + eventId + "\",\"firmId\":\"" + firm + "\",\"entry\":{\"timeEntryId\":\""
                + entryId + "\",\"userId\":\"lawyer-x\",\"matterClioId\":486}}";
        try (ConsumerTask<String, String> deadLetters = consume(Topic.CONNECTOR_DEAD_LETTER)) {
            companion.produceStrings().fromRecords(CloudEventRecords.record(Topic.TIME_ENTRY_APPROVAL.topicName(),
                    entryId.toString(), eventId, EventType.TIME_ENTRY_APPROVED.ceType(), poison)).awaitCompletion();
            ConsumerRecord<String, String> dead = awaitRecord(deadLetters, entryId.toString());
            assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("clio-connector");
            assertThat(header(dead, DeadLetterHeaders.FAILURE_REASON)).isEqualTo("INVALID_EVENT");
            assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
            assertThat(header(dead, DeadLetterHeaders.FIRST_FAILURE)).isEqualTo(header(dead,
                    DeadLetterHeaders.LAST_FAILURE));
            assertThat(header(dead, DeadLetterHeaders.FIRM_ID)).isEqualTo(firm);
            assertThat(header(dead, DeadLetterHeaders.ENTRY_ID)).isEqualTo(entryId.toString());
            assertThat(header(dead, DeadLetterHeaders.MATTER_ID)).isEqualTo("486");
            assertThat(header(dead, DeadLetterHeaders.EXCEPTION_CLASS)).endsWith("InvalidEventException");
        }
        JsonPath listed = awaitListed(firm, entryId);
        String id = listed.getString("id");
        assertThat(listed.getString("reasonCode")).isEqualTo("INVALID_EVENT");
        assertThat(listed.getString("reason")).startsWith("The event could not be read");

        String ownAdmin = TestTokens.firmAdmin(firm, "admin-1");
        String otherAdmin = TestTokens.firmAdmin(otherFirm, "admin-2");
        given().auth().oauth2(ownAdmin).get("/api/v1/support/failures/{id}", id).then().statusCode(200)
                .body("summary.firmId", equalTo(firm));
        given().auth().oauth2(ownAdmin).get("/api/v1/support/failures").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));

        // another firm's admin: 404 everywhere, and their own list does not show it
        notFound(given().auth().oauth2(otherAdmin).get("/api/v1/support/failures/{id}", id));
        notFound(given().auth().oauth2(otherAdmin).queryParam("firmId", firm).get("/api/v1/support/failures"));
        notFound(given().auth().oauth2(otherAdmin).post("/api/v1/support/failures/{id}/replay", id));
        notFound(given().auth().oauth2(otherAdmin).contentType("application/json").body(Map.of("comment", "x"))
                .post("/api/v1/support/failures/{id}/resolve", id));
        notFound(given().auth().oauth2(otherAdmin).contentType("application/json").body(Map.of())
                .post("/api/v1/support/firms/{firm}/resync", firm));
        notFound(given().auth().oauth2(otherAdmin).queryParam("firmId", firm).get("/api/v1/support/diagnostics"));
        given().auth().oauth2(otherAdmin).get("/api/v1/support/failures").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));

        // lawyers: 403
        String lawyer = TestTokens.lawyer(firm, "lawyer-x");
        problem(given().auth().oauth2(lawyer).get("/api/v1/support/failures"), 403);
        problem(given().auth().oauth2(lawyer).get("/api/v1/support/failures/{id}", id), 403);
        problem(given().auth().oauth2(lawyer).post("/api/v1/support/failures/{id}/replay", id), 403);
        notFound(given().auth().oauth2(lawyer).queryParam("firmId", firm).queryParam("userId", "someone-else")
                .get("/api/v1/support/diagnostics"));

        // bad input: 400 naming the parameter; unknown ids 404
        problem(given().auth().oauth2(SUPPORT).queryParam("reason", "NOPE").get("/api/v1/support/failures"), 400)
                .body("detail", containsString("reason"));
        problem(given().auth().oauth2(SUPPORT).queryParam("from", "yesterday").get("/api/v1/support/failures"),
                400).body("detail", containsString("from"));
        problem(given().auth().oauth2(SUPPORT).queryParam("from", "2026-11-02T00:00:00Z")
                .queryParam("to", "2026-11-01T00:00:00Z").get("/api/v1/support/failures"), 400);
        problem(given().auth().oauth2(SUPPORT).queryParam("state", "LOST").get("/api/v1/support/failures"), 400);
        problem(given().auth().oauth2(SUPPORT).queryParam("size", "0").get("/api/v1/support/failures"), 400);
        problem(given().auth().oauth2(SUPPORT).queryParam("entryId", "not-a-uuid")
                .get("/api/v1/support/failures"), 400);
        problem(given().auth().oauth2(SUPPORT).queryParam("matterId", "12x").get("/api/v1/support/failures"),
                400);
        notFound(given().auth().oauth2(SUPPORT).get("/api/v1/support/failures/{id}", UUID.randomUUID()));
        notFound(given().auth().oauth2(SUPPORT).get("/api/v1/support/failures/{id}", "nonsense"));
        problem(given().auth().oauth2(SUPPORT).contentType("application/json").body(Map.of("comment", " "))
                .post("/api/v1/support/failures/{id}/resolve", id), 400);
        problem(given().auth().oauth2(SUPPORT).contentType("application/json").body(Map.of("limit", 0))
                .post("/api/v1/support/failures/replay"), 400);
        problem(given().auth().oauth2(SUPPORT).get("/api/v1/support/diagnostics"), 400);
        // firm ids no event could carry (the schemas' pattern, EventKeys.FIRM_ID_PATTERN): 400 naming firmId, never 500
        for (String badFirm : List.of("a b", "a".repeat(65), "\uD83D\uDE00", "x';drop table x;--", "-lead")) {
            problem(given().auth().oauth2(SUPPORT).contentType("application/json").body(Map.of())
                    .post("/api/v1/support/firms/{firm}/resync", badFirm), 400)
                    .body("detail", containsString("firmId"));
            problem(given().auth().oauth2(SUPPORT).contentType("application/json").body(Map.of("query", "42"))
                    .post("/api/v1/support/firms/{firm}/matter-lookups", badFirm), 400)
                    .body("detail", containsString("firmId"));
            problem(given().auth().oauth2(SUPPORT).get("/api/v1/support/firms/{firm}/matter-lookups/{id}", badFirm,
                    UUID.randomUUID()), 400).body("detail", containsString("firmId"));
            problem(given().auth().oauth2(SUPPORT).queryParam("firmId", badFirm).get("/api/v1/support/failures"), 400)
                    .body("detail", containsString("firmId"));
            problem(given().auth().oauth2(SUPPORT).queryParam("firmId", badFirm).get("/api/v1/support/diagnostics"),
                    400).body("detail", containsString("firmId"));
            problem(given().auth().oauth2(SUPPORT).contentType("application/json").body(Map.of("firmId", badFirm))
                    .post("/api/v1/support/failures/replay"), 400).body("detail", containsString("firmId"));
        }
        // a filtered replay needs a narrowing filter: not everything of every firm
        for (String unfiltered : List.of("{}", "null", "{\"state\":\"OPEN\"}", "{\"limit\":5}")) {
            problem(given().auth().oauth2(SUPPORT).contentType("application/json").body(unfiltered)
                    .post("/api/v1/support/failures/replay"), 400).body("detail", containsString("filter"));
        }
        // empty parameters are refused, not ignored
        for (String param : List.of("state", "reason", "firmId", "matterId", "userId", "entryId", "from", "to")) {
            problem(given().auth().oauth2(SUPPORT).queryParam(param, "").get("/api/v1/support/failures"), 400)
                    .body("detail", containsString(param + ": must not be empty"));
        }
        // dates out of a sane range name the parameter
        problem(given().auth().oauth2(SUPPORT).queryParam("from", "-999999999-01-01T00:00:00Z")
                .get("/api/v1/support/failures"), 400).body("detail", containsString("from"));
        problem(given().auth().oauth2(SUPPORT).queryParam("to", "+10000-01-01T00:00:00Z")
                .get("/api/v1/support/failures"), 400).body("detail", containsString("to"));
        // strict JSON bodies: 400 naming the field; malformed JSON names no field
        problem(given().auth().oauth2(SUPPORT).contentType("application/json").body("{\"firmId\":\"x\"} xyz")
                .post("/api/v1/support/failures/replay"), 400);
        problem(given().auth().oauth2(SUPPORT).contentType("application/json")
                .body("{\"firmId\":\"x\",\"limit\":1.5}").post("/api/v1/support/failures/replay"), 400)
                .body("detail", containsString("limit"));
        problem(given().auth().oauth2(SUPPORT).contentType("application/json").body("{\"comment\":123}")
                .post("/api/v1/support/failures/{id}/resolve", id), 400).body("detail", containsString("comment"));
        problem(given().auth().oauth2(SUPPORT).contentType("application/json")
                .body("{\"includeClosedMatters\":\"true\"}").post("/api/v1/support/firms/{firm}/resync", firm), 400)
                .body("detail", containsString("includeClosedMatters"));
        problem(given().auth().oauth2(SUPPORT).contentType("application/json")
                .body("{\"firmId\":\"x\" \"userId\":\"y\"}").post("/api/v1/support/failures/replay"), 400)
                .body("detail", containsString("malformed JSON"))
                .body("detail", org.hamcrest.Matchers.not(containsString("firmId")));
        given().auth().oauth2(SUPPORT).get("/api/v1/support/failures/{id}", id).then().statusCode(200)
                .body("summary.state", equalTo("OPEN")).body("history", org.hamcrest.Matchers.hasSize(1));

        // a filtered replay republishes it; still unreadable, it fails again and the same failed event records it
        given().auth().oauth2(ownAdmin).contentType("application/json")
                .body(Map.of("reason", "INVALID_EVENT", "entryId", entryId.toString())).post("/api/v1/support/failures/replay")
                .then().statusCode(202).body("replayed", org.hamcrest.Matchers.contains(id));
        Awaitility.await().atMost(TIMEOUT).until(() -> given().auth().oauth2(SUPPORT)
                .get("/api/v1/support/failures/{id}", id).then().extract().jsonPath().getInt("summary.failureCount") == 2);
        JsonPath again = given().auth().oauth2(SUPPORT).get("/api/v1/support/failures/{id}", id).then().extract()
                .jsonPath();
        assertThat(again.getList("history.action")).containsExactly("FAILED", "REPLAYED", "FAILED");
        assertThat(again.getList("history.actor")).containsExactly(null, "admin-1", null);
        assertThat(again.getString("summary.state")).isEqualTo("OPEN");
        assertThat(again.getMap("originalHeaders")).doesNotContainKey(DeadLetterHeaders.REPLAY_OF)
                .containsEntry("ce_id", eventId.toString());

        // time range and reason filters select
        given().auth().oauth2(SUPPORT).queryParam("firmId", firm).queryParam("reason", "invalid_event")
                .queryParam("from", Instant.now().minus(Duration.ofHours(1)).toString())
                .get("/api/v1/support/failures").then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(SUPPORT).queryParam("firmId", firm).queryParam("to", "2020-01-01T00:00:00Z")
                .get("/api/v1/support/failures").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(SUPPORT).queryParam("firmId", firm).queryParam("reason", "CLIO_UNAVAILABLE")
                .get("/api/v1/support/failures").then().statusCode(200).body("total", equalTo(0));

        // resolved is final: a second resolution and a replay answer 409 and record nothing
        given().auth().oauth2(SUPPORT).contentType("application/json").body(Map.of("comment", "bad payload, dropped"))
                .post("/api/v1/support/failures/{id}/resolve", id).then().statusCode(200)
                .body("summary.state", equalTo("RESOLVED"));
        problem(given().auth().oauth2(SUPPORT).contentType("application/json").body(Map.of("comment", "again"))
                .post("/api/v1/support/failures/{id}/resolve", id), 409)
                .body("detail", containsString("already resolved"));
        problem(given().auth().oauth2(SUPPORT).post("/api/v1/support/failures/{id}/replay", id), 409)
                .body("detail", containsString("already resolved"));
        JsonPath resolved = given().auth().oauth2(SUPPORT).get("/api/v1/support/failures/{id}", id).then()
                .statusCode(200).extract().jsonPath();
        assertThat(resolved.getString("summary.state")).isEqualTo("RESOLVED");
        assertThat(resolved.getList("history.action")).containsExactly("FAILED", "REPLAYED", "FAILED", "RESOLVED");
    }

    @Test
    void repairsGoThroughTheCommandTopicAndALookupIsAnswered() throws Exception {
        String firm = firm();
        connect(firm, "lawyer-rep", NUNEZ, 418);
        long matterId = sandbox.admin().matterIds(NUNEZ).get(3);
        String displayNumber = (String) sandbox.admin().matter(NUNEZ, matterId).get("display_number");
        try (ConsumerTask<String, String> commands = consume(Topic.CONNECTOR_COMMAND)) {
            String commandId = given().auth().oauth2(SUPPORT).contentType("application/json")
                    .body(Map.of("includeClosedMatters", true)).post("/api/v1/support/firms/{firm}/resync", firm)
                    .then().statusCode(202).body("firmId", equalTo(firm))
                    .body("requestedBy", equalTo("support:support-sam")).extract().path("commandEventId");
            ConsumerRecord<String, String> command = awaitRecord(commands, firm, commandId);
            ResyncFirmRequestedV1 resync = EventCodec.shared().decode(command.value(), ResyncFirmRequestedV1.class);
            assertThat(resync.includeClosedMatters()).isTrue();

            String lookupId = given().auth().oauth2(TestTokens.firmAdmin(firm, "admin-rep"))
                    .contentType("application/json").body(Map.of("query", displayNumber))
                    .post("/api/v1/support/firms/{firm}/matter-lookups", firm).then().statusCode(202)
                    .extract().path("lookupId");
            Awaitility.await().atMost(TIMEOUT).until(() -> "ANSWERED".equals(given().auth().oauth2(SUPPORT)
                    .get("/api/v1/support/firms/{firm}/matter-lookups/{id}", firm, lookupId).then().statusCode(200)
                    .extract().path("status")));
            JsonPath answer = given().auth().oauth2(SUPPORT)
                    .get("/api/v1/support/firms/{firm}/matter-lookups/{id}", firm, lookupId).then().extract()
                    .jsonPath();
            assertThat(answer.getString("answer.outcome")).isEqualTo("FOUND");
            assertThat(answer.getList("answer.matterClioIds", Long.class)).contains(matterId);
            String lookupType = EventType.MATTER_LOOKUP_REQUESTED.ceType();
            Awaitility.await().atMost(TIMEOUT).until(() -> commands.getRecords().stream()
                    .anyMatch(r -> firm.equals(r.key()) && lookupType.equals(header(r, "ce_type"))));
            MatterLookupRequestedV1 sent = commands.getRecords().stream()
                    .filter(r -> firm.equals(r.key()) && lookupType.equals(header(r, "ce_type")))
                    .map(r -> EventCodec.shared().decode(r.value(), MatterLookupRequestedV1.class)).findFirst()
                    .orElseThrow();
            assertThat(sent.lookupId().toString()).isEqualTo(lookupId);
            assertThat(sent.requestedBy()).isEqualTo("firm-admin:admin-rep");
        }
        problem(given().auth().oauth2(SUPPORT).contentType("application/json").body(Map.of("query", ""))
                .post("/api/v1/support/firms/{firm}/matter-lookups", firm), 400);
        // a lookup never asked, or asked by another firm: 404, not PENDING forever
        notFound(given().auth().oauth2(SUPPORT).get("/api/v1/support/firms/{firm}/matter-lookups/{id}", firm,
                UUID.randomUUID()));
        String otherFirm = firm();
        String otherLookup = given().auth().oauth2(SUPPORT).contentType("application/json")
                .body(Map.of("query", "no-such-matter")).post("/api/v1/support/firms/{firm}/matter-lookups", otherFirm)
                .then().statusCode(202).extract().path("lookupId");
        given().auth().oauth2(SUPPORT).get("/api/v1/support/firms/{firm}/matter-lookups/{id}", otherFirm, otherLookup)
                .then().statusCode(200).body("lookupId", equalTo(otherLookup));
        notFound(given().auth().oauth2(SUPPORT).get("/api/v1/support/firms/{firm}/matter-lookups/{id}", firm,
                otherLookup));
        problem(given().auth().oauth2(TestTokens.lawyer(firm, "lawyer-rep")).contentType("application/json")
                .body(Map.of()).post("/api/v1/support/firms/{firm}/resync", firm), 403);
    }

    @Test
    void theDiagnosticsBundleHasTheFieldsAndNoTokenOrSecret() throws Exception {
        String firm = firm();
        connect(firm, "lawyer-diag", NUNEZ, 420);
        ApprovedTimeEntry e = entry("lawyer-diag", 488, "Diagnosed entry");
        TimeEntryApprovedV1 event = TimeEntryApprovedV1.of(firm, Instant.now(), e);
        long clioId;
        try (ConsumerTask<String, String> results = consume(Topic.TIME_ENTRY_SYNC_RESULT)) {
            send(event);
            Awaitility.await().atMost(TIMEOUT).until(() -> synced(results, e.timeEntryId()) == 1);
            clioId = results.getRecords().stream().filter(r -> r.key().equals(e.timeEntryId().toString()))
                    .map(r -> EventCodec.shared().decode(r.value(), TimeEntrySyncResultV1.class))
                    .filter(r -> r.outcome() == SyncOutcome.SYNCED).findFirst().orElseThrow().clioActivityId();
        }
        // the firm's first sync has finished matters and contacts
        Awaitility.await().atMost(TIMEOUT).ignoreExceptions().until(() -> diagnostics(SUPPORT, firm, "lawyer-diag",
                e.timeEntryId()).jsonPath().getList("sync.resources.findAll { it.lastSuccessAt != null }").size() >= 2);
        Response response = diagnostics(SUPPORT, firm, "lawyer-diag", e.timeEntryId());
        assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"clio-connector-"
                + "diagnostics-" + firm);
        JsonPath bundle = response.jsonPath();
        assertThat(bundle.getString("part")).isEqualTo("clio-connector");
        assertThat(bundle.getString("service.name")).isEqualTo("clio-connector");
        assertThat(bundle.getString("service.version")).isNotBlank();
        assertThat(bundle.getString("connections[0].state")).isEqualTo("CONNECTED");
        assertThat(bundle.getString("connections[0].region")).isEqualTo("US");
        assertThat(bundle.getList("sync.resources.resource")).contains("matters");
        assertThat(bundle.getList("sync.webhooks")).isNotNull();
        assertThat(bundle.getList("recentFailures")).isEmpty();
        assertThat(bundle.getBoolean("entry.known")).isTrue();
        assertThat(bundle.getString("entry.posting.state")).isEqualTo("DONE");
        assertThat(bundle.getLong("entry.clioActivity.clioActivityId")).isEqualTo(clioId);
        assertThat(bundle.getList("entry.approvalEventIds")).contains(event.eventId().toString());
        assertThat(bundle.getList("entry.syncResults.outcome")).contains("SYNCED");
        assertThat(bundle.getList("entry.syncResults.eventId")).doesNotContainNull();

        String body = response.asString();
        String access = connections.accessToken(firm, "lawyer-diag").value();
        String refresh = refreshToken(firm, "lawyer-diag");
        assertThat(access).isNotBlank();
        assertThat(refresh).isNotBlank();
        assertThat(body).doesNotContain(access).doesNotContain(refresh).doesNotContain(clientSecret);

        // a lawyer downloads their own bundle; another firm's admin gets 404
        given().auth().oauth2(TestTokens.lawyer(firm, "lawyer-diag")).get("/api/v1/support/diagnostics").then()
                .statusCode(200).body("userId", equalTo("lawyer-diag")).body("firmId", equalTo(firm));
        notFound(given().auth().oauth2(TestTokens.firmAdmin(firm(), "admin-x")).queryParam("firmId", firm)
                .get("/api/v1/support/diagnostics"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static String firm() {
        return "firm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void connect(String firmId, String userId, String sandboxFirm, long clioUserId) throws Exception {
        sandbox.admin().autoConsentAs(sandboxFirm, clioUserId);
        OAuthFlow.connect(firmId, userId);
        connected.add(new String[] { firmId, userId });
    }

    private ApprovedTimeEntry entry(String userId, long matter, String note) {
        return new ApprovedTimeEntry(UUID.randomUUID(), userId, LocalDate.of(2026, 11, 20), "America/New_York", 1800,
                note + " " + tag, matter, null, false, null, null, "approver-1", 1);
    }

    private void send(TimeEntryApprovedV1 event) {
        companion.produceStrings().fromRecords(CloudEventRecords.record(Topic.TIME_ENTRY_APPROVAL.topicName(),
                event.kafkaKey(), event.eventId(), event.type().ceType(), EventCodec.shared().encode(event)))
                .awaitCompletion();
    }

    private ConsumerTask<String, String> consume(Topic topic) {
        return companion.consumeStrings().withGroupId("support-probe-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest").fromTopics(topic.topicName());
    }

    private static ConsumerRecord<String, String> awaitRecord(ConsumerTask<String, String> task, String key) {
        return awaitRecord(task, key, null);
    }

    private static ConsumerRecord<String, String> awaitRecord(ConsumerTask<String, String> task, String key,
            String ceId) {
        Awaitility.await().atMost(TIMEOUT).until(() -> task.getRecords().stream()
                .anyMatch(r -> key.equals(r.key()) && (ceId == null || ceId.equals(header(r, "ce_id")))));
        return task.getRecords().stream().filter(r -> key.equals(r.key())
                && (ceId == null || ceId.equals(header(r, "ce_id")))).findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** @return the list row of the entry's failed event, once indexed */
    private static JsonPath awaitListed(String firm, UUID entryId) {
        Awaitility.await().atMost(TIMEOUT).until(() -> given().auth().oauth2(SUPPORT).queryParam("firmId", firm)
                .queryParam("entryId", entryId.toString()).get("/api/v1/support/failures").then()
                .statusCode(200).extract().jsonPath().getInt("total") == 1);
        JsonPath page = given().auth().oauth2(SUPPORT).queryParam("firmId", firm)
                .queryParam("entryId", entryId.toString()).get("/api/v1/support/failures").then()
                .statusCode(200).extract().jsonPath();
        return new JsonPath(page.prettify()).setRootPath("items[0]");
    }

    private static void replay(String failedEventId) {
        given().auth().oauth2(SUPPORT).post("/api/v1/support/failures/{id}/replay", failedEventId).then()
                .statusCode(202).body("summary.state", equalTo("REPLAYED"));
    }

    private static long synced(ConsumerTask<String, String> results, UUID entryId) {
        return results.getRecords().stream().filter(r -> r.key().equals(entryId.toString()))
                .map(r -> EventCodec.shared().decode(r.value(), TimeEntrySyncResultV1.class))
                .filter(r -> r.outcome() == SyncOutcome.SYNCED).count();
    }

    private List<Map<String, Object>> activities(String note) {
        return sandbox.admin().activities(NUNEZ).stream().filter(a -> Objects.equals(a.get("note"), note)).toList();
    }

    /** @return creates of this test's activities that Clio accepted */
    private long creates() {
        return sandbox.journal().find("POST", "/activities").stream()
                .filter(j -> j.body() != null && j.body().contains(tag) && j.status() == 201).count();
    }

    private static Response diagnostics(String token, String firm, String user, UUID entryId) {
        return given().auth().oauth2(token).queryParam("firmId", firm).queryParam("userId", user)
                .queryParam("entryId", entryId.toString()).get("/api/v1/support/diagnostics").then().statusCode(200)
                .extract().response();
    }

    private String refreshToken(String firm, String user) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT refresh_token FROM clio_connection WHERE firm_id = ? AND user_id = ?")) {
            s.setString(1, firm);
            s.setString(2, user);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return cipher.decrypt(rs.getBytes(1), firm + "/" + user);
            }
        }
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json");
    }

    private static void notFound(Response response) {
        problem(response, 404);
    }
}
