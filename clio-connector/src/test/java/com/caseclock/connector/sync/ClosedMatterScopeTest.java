package com.caseclock.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.cliosandbox.journal.JournalEntry;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventKeys;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.ResyncFirmRequestedV1;
import com.caseclock.events.Topic;
import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.testsupport.clio.InjectClioSandbox;
import com.caseclock.testsupport.kafka.CloudEventRecords;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * With {@code connector.sync.closed-matters=within-days} the first backfill lists open and pending matters and the
 * matters closed within the configured days, through Clio's own filters ({@code status}, {@code close_date[]}), and
 * leaves older closed matters out; a change to any matter is still published. A re-sync that includes closed matters
 * covers the same scope and tombstones only matters Clio no longer has (an old closed matter it did not list is looked
 * up by id and kept); a re-sync without closed matters lists open and pending matters only.
 */
@QuarkusTest
@TestProfile(ClosedMatterScopeTest.ClosedWithinAYear.class)
class ClosedMatterScopeTest {

    private static final String FIRM_KEY = "nunez-oconnor";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int DAYS = 365;

    /** Closed matters within 365 days. */
    public static class ClosedWithinAYear implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connector.sync.closed-matters", "within-days", "connector.sync.closed-matters-days",
                    Integer.toString(DAYS));
        }
    }

    @InjectClioSandbox
    ClioSandbox sandbox;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void onlyMattersInScopeAreBackfilledAndResyncsHonourTheScope() throws Exception {
        String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        long clioUserId = ((Number) sandbox.admin().users(FIRM_KEY).get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate since = today.minusDays(DAYS);
        long clientId = ((Number) ((Map<?, ?>) sandbox.admin().matter(FIRM_KEY,
                sandbox.admin().matterIds(FIRM_KEY).get(0)).get("client")).get("id")).longValue();
        long recentClosed = create(clientId, "closed", today.minusDays(10));
        long oldClosed = create(clientId, "closed", today.minusDays(1000));
        long doomed = create(clientId, "open", null);
        Set<Long> inScope = new HashSet<>();
        Set<Long> outOfScope = new HashSet<>();
        for (long id : sandbox.admin().matterIds(FIRM_KEY)) {
            Map<String, Object> matter = sandbox.admin().matter(FIRM_KEY, id);
            boolean closed = "Closed".equals(matter.get("status"));
            boolean old = closed && (matter.get("close_date") == null
                    || LocalDate.parse(matter.get("close_date").toString()).isBefore(since));
            (old ? outOfScope : inScope).add(id);
        }
        assertThat(outOfScope).contains(oldClosed).hasSizeGreaterThan(1);
        assertThat(inScope).contains(recentClosed, doomed);
        long journalStart = lastJournalSequence();

        try (ConsumerTask<String, String> matters = companion.consumeStrings()
                .withGroupId("scope-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.MATTER_CHANGED.topicName())) {
            OAuthFlow.connect(firmId, "user-scope");
            Awaitility.await().atMost(TIMEOUT).until(() -> published(matters, firmId).containsAll(inScope)
                    && backfillCompleted(firmId));
            // Other test classes share the sandbox firm and may add matters after the snapshot above: every matter
            // in scope and none out of scope, rather than exactly the set seen before the connect.
            assertThat(recorded(firmId)).as("matters recorded as published").containsAll(inScope)
                    .doesNotContainAnyElementsOf(outOfScope);
            assertThat(published(matters, firmId)).doesNotContainAnyElementsOf(outOfScope);
            List<JournalEntry> listings = matterListings(journalStart);
            assertThat(listings).anyMatch(e -> "open,pending".equals(e.queryParam("status")));
            assertThat(listings).anyMatch(e -> "closed".equals(e.queryParam("status"))
                    && (">=" + since).equals(e.queryParam("close_date[]")));

            // A change to an old closed matter is published all the same.
            String description = "Reopened file note " + UUID.randomUUID();
            sandbox.admin().updateMatter(FIRM_KEY, oldClosed, Map.of("description", description));
            Awaitility.await().atMost(TIMEOUT).until(() -> latest(matters, firmId, oldClosed) != null
                    && description.equals(latest(matters, firmId, oldClosed).matter().description()));

            // Re-sync with closed matters: the deleted matter is tombstoned, the old closed one (not listed) is kept.
            sandbox.admin().deleteMatter(FIRM_KEY, doomed);
            long beforeResync = lastJournalSequence();
            resync(firmId, true);
            Awaitility.await().atMost(TIMEOUT).until(() -> tombstoned(matters, firmId, doomed)
                    && resyncDone(firmId));
            assertThat(tombstoned(matters, firmId, oldClosed)).as("an old closed matter is not a deletion").isFalse();
            assertThat(recorded(firmId)).contains(oldClosed).doesNotContain(doomed);
            assertThat(matterListings(beforeResync)).as("the old closed matter was looked up by id")
                    .anyMatch(e -> e.query() != null && e.query().contains("ids%5B%5D=" + oldClosed));

            // Re-sync without closed matters: open ones are republished, closed ones neither listed nor tombstoned.
            long open = inScope.stream().filter(id -> id != recentClosed && id != doomed
                    && !"Closed".equals(sandbox.admin().matter(FIRM_KEY, id).get("status"))).findFirst().orElseThrow();
            int openSnapshots = snapshots(matters, firmId, open);
            int closedSnapshots = snapshots(matters, firmId, recentClosed);
            long beforeOpenOnly = lastJournalSequence();
            resync(firmId, false);
            Awaitility.await().atMost(TIMEOUT).until(() -> snapshots(matters, firmId, open) > openSnapshots
                    && resyncDone(firmId));
            assertThat(snapshots(matters, firmId, recentClosed)).as("a listed closed matter would be republished")
                    .isEqualTo(closedSnapshots);
            assertThat(tombstoned(matters, firmId, recentClosed)).isFalse();
            assertThat(matterListings(beforeOpenOnly)).anyMatch(e -> "open,pending".equals(e.queryParam("status")));
        }
    }

    private long create(long clientId, String status, LocalDate closeDate) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("description", "Scope " + status + " " + closeDate,
                "client", Map.of("id", clientId), "status", status));
        if (closeDate != null) {
            body.put("close_date", closeDate.toString());
        }
        return ((Number) sandbox.admin().createMatter(FIRM_KEY, body).get("id")).longValue();
    }

    /** Sends a re-sync command and waits until the connector has taken it (its inbox row is written with it). */
    private void resync(String firmId, boolean includeClosed) {
        OutgoingEvent out = OutgoingEvent.of(new ResyncFirmRequestedV1(UUID.randomUUID(), firmId, Instant.now(),
                ResyncFirmRequestedV1.SCHEMA_VERSION, includeClosed, "support-scope"), EventCodec.shared());
        companion.produceStrings().fromRecords(CloudEventRecords.record(out.topic(), out.key(), out.eventId(),
                out.ceType(), out.payloadJson())).awaitCompletion(Duration.ofSeconds(30));
        Awaitility.await().atMost(TIMEOUT).until(() -> query("SELECT count(*) = 1 FROM processed_event "
                + "WHERE event_id = ?::uuid", out.eventId().toString()));
    }

    private long lastJournalSequence() {
        List<JournalEntry> entries = sandbox.journal().entries();
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).sequence();
    }

    private List<JournalEntry> matterListings(long afterSequence) {
        return sandbox.journal().entries(e -> e.sequence() > afterSequence && "GET".equals(e.method())
                && e.path().matches(".*/matters(\\.json)?") && FIRM_KEY.equals(e.firmKey()));
    }

    private static List<ConsumerRecord<String, String>> ours(ConsumerTask<String, String> task, String firmId,
            long matterId) {
        String key = EventKeys.matter(firmId, matterId);
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    private static Set<Long> published(ConsumerTask<String, String> task, String firmId) {
        Set<Long> ids = new HashSet<>();
        for (ConsumerRecord<String, String> r : task.getRecords()) {
            if (r.key().startsWith(firmId + ":") && r.value() != null) {
                ids.add(EventCodec.shared().decode(r.value(), MatterChangedV1.class).matter().clioId());
            }
        }
        return ids;
    }

    private static MatterChangedV1 latest(ConsumerTask<String, String> task, String firmId, long matterId) {
        List<ConsumerRecord<String, String>> records = ours(task, firmId, matterId);
        ConsumerRecord<String, String> last = records.isEmpty() ? null : records.get(records.size() - 1);
        return last == null || last.value() == null ? null
                : EventCodec.shared().decode(last.value(), MatterChangedV1.class);
    }

    private static int snapshots(ConsumerTask<String, String> task, String firmId, long matterId) {
        return (int) ours(task, firmId, matterId).stream().filter(r -> r.value() != null).count();
    }

    private static boolean tombstoned(ConsumerTask<String, String> task, String firmId, long matterId) {
        return ours(task, firmId, matterId).stream().anyMatch(r -> r.value() == null);
    }

    private boolean backfillCompleted(String firmId) throws Exception {
        return query("SELECT backfill_completed_at IS NOT NULL FROM firm_sync WHERE firm_id = ?", firmId);
    }

    /** No re-sync pending and the last complete listing ended recently (its next reconciliation is a day away). */
    private boolean resyncDone(String firmId) throws Exception {
        return query("SELECT resync_closed_matters IS NULL AND next_reconcile_at > now() + interval '1 hour' "
                + "FROM firm_sync WHERE firm_id = ?", firmId);
    }

    private boolean query(String sql, String firmId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Long> recorded(String firmId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT clio_id FROM clio_record WHERE firm_id = ? AND resource = 'matters'")) {
            s.setString(1, firmId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }
}
