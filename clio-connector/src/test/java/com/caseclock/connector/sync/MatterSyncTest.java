package com.caseclock.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.events.ClientChangedV1;
import com.caseclock.events.EventCodec;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.clio.InjectClioSandbox;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A firm connected to the Clio sandbox is backfilled (matters over several pages, and contacts) onto the compacted
 * topics, then kept up to date by incremental polling.
 */
@QuarkusTest
class MatterSyncTest {

    private static final String FIRM_KEY = "harbor-pine";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @InjectClioSandbox
    ClioSandbox sandbox;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @jakarta.inject.Inject
    com.caseclock.connector.service.ConnectionService connections;

    @Test
    void backfillsEveryMatterAndContactThenPicksUpAChange() throws Exception {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        long clioUserId = ((Number) sandbox.admin().users(FIRM_KEY).get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
        List<Long> matterIds = sandbox.admin().matterIds(FIRM_KEY);
        assertThat(matterIds).as("the demo seed has more than three pages of matters at the test page size")
                .hasSizeGreaterThan(3 * 25);

        try (ConsumerTask<String, String> matters = consume(Topic.MATTER_CHANGED);
                ConsumerTask<String, String> clients = consume(Topic.CLIENT_CHANGED)) {
            OAuthFlow.connect(firmId, "user-sync");

            Awaitility.await().atMost(TIMEOUT).until(() -> latest(matters, firmId).keySet()
                    .containsAll(matterIds));
            Map<Long, MatterChangedV1> first = latest(matters, firmId);
            assertThat(first).hasSize(matterIds.size());
            long pages = sandbox.journal().find("GET", "/matters").stream()
                    .filter(e -> e.status() == 200).count();
            assertThat(pages).as("matter pages requested").isGreaterThan(3);
            Awaitility.await().atMost(TIMEOUT).until(() -> !ours(clients, firmId).isEmpty());
            Awaitility.await().atMost(TIMEOUT).untilAsserted(() -> io.restassured.RestAssured.given()
                    .auth().oauth2(com.caseclock.testsupport.security.TestTokens.lawyer(firmId, "user-sync"))
                    .when().get("/api/v1/connections/clio").then().statusCode(200)
                    .body("sync.backfillComplete", org.hamcrest.Matchers.equalTo(true))
                    .body("sync.recordsDone", org.hamcrest.Matchers.greaterThanOrEqualTo(matterIds.size()))
                    .body("sync.resources.find { it.resource == 'matters' }.lastSuccessAt",
                            org.hamcrest.Matchers.notNullValue())
                    .body("sync.nextPollAt", org.hamcrest.Matchers.notNullValue()));

            long changedId = matterIds.get(matterIds.size() / 2);
            String description = "Changed in Clio " + UUID.randomUUID();
            sandbox.admin().updateMatter(FIRM_KEY, changedId, Map.of("description", description));

            Awaitility.await().atMost(TIMEOUT).until(() -> description.equals(
                    latest(matters, firmId).get(changedId).matter().description()));
            long snapshotsOfUnchanged = ours(matters, firmId).stream()
                    .map(r -> EventCodec.shared().decode(r.value(), MatterChangedV1.class))
                    .filter(e -> e.matter().clioId() == matterIds.get(0)).count();
            assertThat(snapshotsOfUnchanged).as("an unchanged matter is published once").isEqualTo(1);
        }
    }

    @Test
    void aRevokedConnectionStopsSyncAndReconnectingResumesWhereItStopped() throws Exception {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = "user-resume";
        long clioUserId = ((Number) sandbox.admin().users(FIRM_KEY).get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
        List<Long> matterIds = sandbox.admin().matterIds(FIRM_KEY);
        try (ConsumerTask<String, String> matters = consume(Topic.MATTER_CHANGED)) {
            OAuthFlow.connect(firmId, userId);
            Awaitility.await().atMost(TIMEOUT).until(() -> latest(matters, firmId).keySet().containsAll(matterIds));

            // Clio-side revocation: the next refresh is refused and the connection needs the user.
            String token = connections.accessToken(firmId, userId).value();
            sandbox.admin().revokeToken(token);
            connections.refreshNowIgnoringFailure(firmId, userId);
            io.restassured.RestAssured.given().auth().oauth2(
                    com.caseclock.testsupport.security.TestTokens.lawyer(firmId, userId))
                    .when().get("/api/v1/connections/clio").then().statusCode(200)
                    .body("state", org.hamcrest.Matchers.equalTo("NEEDS_RECONNECT"));

            long changedId = matterIds.get(1);
            String description = "Changed while disconnected " + UUID.randomUUID();
            sandbox.admin().updateMatter(FIRM_KEY, changedId, Map.of("description", description));

            OAuthFlow.connect(firmId, userId);
            Awaitility.await().atMost(TIMEOUT).until(() -> description.equals(
                    latest(matters, firmId).get(changedId).matter().description()));
            long snapshotsOfUnchanged = ours(matters, firmId).stream()
                    .map(r -> EventCodec.shared().decode(r.value(), MatterChangedV1.class))
                    .filter(e -> e.matter().clioId() == matterIds.get(0)).count();
            assertThat(snapshotsOfUnchanged).as("resumed from the watermark, not a new backfill").isEqualTo(1);
        }
    }

    /**
     * A matter changed after the pass's cursor went past it (the pass is still paging, each page slowed down) is not
     * lost: the first snapshot still has the old description, the next poll (from the pass's start minus the overlap)
     * publishes the change.
     */
    @Test
    void aChangeMadeWhileAPassIsPagingIsNotLost() throws Exception {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        long clioUserId = ((Number) sandbox.admin().users(FIRM_KEY).get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
        // On the first page; not the first matter, which the other tests expect unchanged.
        long early = sandbox.admin().matterIds(FIRM_KEY).get(5);
        long start = lastJournalSequence();
        sandbox.faults().latency(Duration.ofMillis(500));
        try (ConsumerTask<String, String> matters = consume(Topic.MATTER_CHANGED)) {
            OAuthFlow.connect(firmId, "user-paging");
            // The first two pages are served: the cursor is past the first page's matters.
            Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                    .until(() -> listingPages(start).size() >= 2);
            String description = "Changed while paging " + UUID.randomUUID();
            sandbox.admin().updateMatter(FIRM_KEY, early, Map.of("description", description));
            long changedAt = lastJournalSequence();

            Awaitility.await().atMost(TIMEOUT).until(() -> latest(matters, firmId).containsKey(early)
                    && description.equals(latest(matters, firmId).get(early).matter().description()));
            // the scenario needs the pass to be still paging after the change (timing: each page takes 500 ms here);
            // if a slow machine let the pass finish first, there is nothing to check
            org.junit.jupiter.api.Assumptions.assumeFalse(listingPages(changedAt).isEmpty(),
                    "the pass had finished paging before the matter changed");
            MatterChangedV1 first = EventCodec.shared().decode(ours(matters, firmId).stream()
                    .filter(r -> r.key().equals(com.caseclock.events.EventKeys.matter(firmId, early))).findFirst()
                    .orElseThrow().value(), MatterChangedV1.class);
            assertThat(first.matter().description()).as("the paging pass had read it before the change")
                    .isNotEqualTo(description);
        } finally {
            sandbox.faults().clear();
        }
    }

    /** Further pages (a cursor) of complete matter listings, served after the given journal sequence. */
    private List<com.caseclock.cliosandbox.journal.JournalEntry> listingPages(long afterSequence) {
        return sandbox.journal().entries(e -> e.sequence() > afterSequence && "GET".equals(e.method())
                && e.path().matches(".*/matters(\\.json)?") && FIRM_KEY.equals(e.firmKey()) && e.status() == 200
                && e.queryParam("page_token") != null && e.queryParam("updated_since") == null);
    }

    private long lastJournalSequence() {
        List<com.caseclock.cliosandbox.journal.JournalEntry> entries = sandbox.journal().entries();
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
    }

    private ConsumerTask<String, String> consume(Topic topic) {
        return companion.consumeStrings().withGroupId("sync-probe-" + UUID.randomUUID())
                .withProp("auto.offset.reset", "earliest").fromTopics(topic.topicName());
    }

    private static List<ConsumerRecord<String, String>> ours(ConsumerTask<String, String> task, String firmId) {
        return task.getRecords().stream().filter(r -> r.key().startsWith(firmId + ":")).toList();
    }

    private static Map<Long, MatterChangedV1> latest(ConsumerTask<String, String> task, String firmId) {
        Map<Long, MatterChangedV1> latest = new HashMap<>();
        for (ConsumerRecord<String, String> r : ours(task, firmId)) {
            MatterChangedV1 event = EventCodec.shared().decode(r.value(), MatterChangedV1.class);
            latest.put(event.matter().clioId(), event);
        }
        return latest;
    }
}
