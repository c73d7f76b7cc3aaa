package com.caseclock.connector.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.connector.config.ConnectorConfig;
import com.caseclock.testsupport.clio.InjectClioSandbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Two connector instances (two {@link SyncScheduler}s with their own lease owner ids, sharing the one database) on
 * ten firms: every firm is synced, the work is spread over both, and no firm is ever run by both at once or polled
 * twice within one poll interval; runs longer than the lease keep their firm (the lease is renewed). Then one instance
 * dies in the middle of its runs: the other picks those firms up as soon as the dead instance's lease lapses, within
 * one poll interval.
 *
 * <p>The application's own scheduler is switched off ({@code connector.sync.tick=off}); the two instances tick from
 * the test, each run is recorded (owner, firm, start, end) around the real {@link FirmSyncer}.
 */
@QuarkusTest
@TestProfile(TwoInstancesTest.TwoSchedulers.class)
class TwoInstancesTest {

    private static final String FIRM_KEY = "harbor-pine";
    private static final Duration TIMEOUT = Duration.ofSeconds(150);
    private static final int FIRMS = 10;
    private static final Logger LOG = Logger.getLogger(TwoInstancesTest.class);

    /** No application scheduler; a 2 s lease (runs here last longer), three firms at once per instance. */
    public static class TwoSchedulers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("connector.sync.tick", "off", "connector.sync.lease", "2s",
                    "connector.sync.max-parallel-firms", "3");
        }
    }

    @InjectClioSandbox
    ClioSandbox sandbox;

    @Inject
    FirmSyncer syncer;

    @Inject
    SyncStore store;

    @Inject
    ConnectorConfig config;

    @Inject
    AgroalDataSource dataSource;

    /** One recorded run; {@code end} is null while it runs (and for ever for a dead instance's run). */
    record Run(String owner, String firmId, Instant start, Instant end, boolean dead) {
    }

    private final Queue<Run> runs = new ConcurrentLinkedQueue<>();

    @Test
    void tenFirmsAreSharedWithoutDoublePollsAndADeadInstancesFirmsAreTakenOver() throws Exception {
        long clioUserId = ((Number) sandbox.admin().users(FIRM_KEY).get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
        List<String> firms = new ArrayList<>();
        for (int i = 0; i < FIRMS; i++) {
            String firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
            OAuthFlow.connect(firmId, "user-" + i);
            firms.add(firmId);
        }
        Set<String> ours = Set.copyOf(firms);
        List<Long> matterIds = sandbox.admin().matterIds(FIRM_KEY);
        Duration interval = config.sync().pollInterval();
        Duration lease = config.sync().lease();

        AtomicBoolean aDies = new AtomicBoolean();
        CountDownLatch deadForever = new CountDownLatch(1);
        SyncScheduler a = new SyncScheduler(recording("instance-a", aDies, deadForever), store, config,
                "instance-a");
        SyncScheduler b = new SyncScheduler(recording("instance-b", new AtomicBoolean(), deadForever), store, config,
                "instance-b");
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        // Every request takes 250 ms, so a first backfill (about 20 requests) outlasts the 2 s lease.
        sandbox.faults().latency(Duration.ofMillis(250));
        try {
            ScheduledFuture<?> aTicks = ticks.scheduleWithFixedDelay(() -> tick(a), 0, 200, TimeUnit.MILLISECONDS);
            ticks.scheduleWithFixedDelay(() -> tick(b), 100, 200, TimeUnit.MILLISECONDS);

            // Every firm backfilled and polled at least twice more.
            Awaitility.await().atMost(TIMEOUT).until(() -> firms.stream()
                    .allMatch(f -> completed(f).size() >= 3));
            for (String firm : firms) {
                assertThat(backfillCompleted(firm)).as("backfill of %s recorded", firm).isTrue();
                assertThat(publishedMatters(firm)).as("matters published for %s", firm).isEqualTo(matterIds.size());
            }
            Set<String> owners = runs.stream().filter(r -> ours.contains(r.firmId())).map(Run::owner)
                    .collect(Collectors.toSet());
            assertThat(owners).as("both instances synced some of the firms").containsExactlyInAnyOrder("instance-a",
                    "instance-b");
            assertThat(runs.stream().filter(r -> ours.contains(r.firmId())
                    && Duration.between(r.start(), r.end() == null ? Instant.now() : r.end()).compareTo(lease) > 0))
                    .as("some runs outlasted the lease (so it was renewed)").isNotEmpty();
            assertNoDoublePolls(firms, interval);

            // Instance A dies in the middle of its next runs: they never end and A renews nothing any more.
            sandbox.faults().latency(Duration.ZERO);
            aDies.set(true);
            Awaitility.await().atMost(TIMEOUT).until(() -> !deadRuns().isEmpty());
            aTicks.cancel(false);
            Instant death = Instant.now();
            List<Run> dead = deadRuns();
            Awaitility.await().atMost(TIMEOUT).until(() -> dead.stream().allMatch(d -> takeover(d) != null));
            for (Run d : dead) {
                Run takeover = takeover(d);
                assertThat(takeover.owner()).isEqualTo("instance-b");
                assertThat(takeover.start()).as("B waited for A's lease on %s to lapse", d.firmId())
                        .isAfterOrEqualTo(d.start().plus(lease).minusMillis(100));
                assertThat(Duration.between(death, takeover.start())).as("taken over once the lease lapsed")
                        .isLessThanOrEqualTo(lease.plus(Duration.ofSeconds(2)));
            }
            assertThat(lease).as("the lease lapses within one poll interval").isLessThanOrEqualTo(interval);
            assertNoDoublePolls(firms, interval);
        } finally {
            sandbox.faults().clear();
            ticks.shutdownNow();
            ticks.awaitTermination(10, TimeUnit.SECONDS);
            deadForever.countDown();
            a.stop();
            b.stop();
        }
    }

    /** Ticks like the application's scheduler does, logging instead of stopping the schedule on a failure. */
    private static void tick(SyncScheduler instance) {
        try {
            instance.tick();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Tick of %s failed", instance.instanceId());
        }
    }

    /** Wraps the real syncer: records each run; once {@code dies} is set, runs block for ever (a dead instance). */
    private Function<SyncStore.Claim, FirmSyncer.Outcome> recording(String owner, AtomicBoolean dies,
            CountDownLatch deadForever) {
        return claim -> {
            Instant start = Instant.now();
            if (dies.get()) {
                runs.add(new Run(owner, claim.firmId(), start, null, true));
                try {
                    deadForever.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new FirmSyncer.Outcome(config.sync().pollInterval(), null);
            }
            Run running = new Run(owner, claim.firmId(), start, null, false);
            runs.add(running);
            try {
                return syncer.run(claim);
            } finally {
                runs.remove(running);
                runs.add(new Run(owner, claim.firmId(), start, Instant.now(), false));
            }
        };
    }

    /**
     * Per firm, in start order: a run starts only after the previous one ended and its poll interval passed (the
     * next poll is scheduled at release, after the recorded end).
     */
    private void assertNoDoublePolls(List<String> firms, Duration interval) {
        for (String firm : firms) {
            List<Run> done = completed(firm);
            for (int i = 1; i < done.size(); i++) {
                Run previous = done.get(i - 1);
                Run next = done.get(i);
                assertThat(next.start()).as("%s: run %d of %s starts one poll interval after run %d ended", firm, i,
                        next.owner(), i - 1).isAfterOrEqualTo(previous.end().plus(interval).minusMillis(50));
            }
        }
    }

    private List<Run> completed(String firm) {
        return runs.stream().filter(r -> r.firmId().equals(firm) && r.end() != null)
                .sorted(Comparator.comparing(Run::start)).toList();
    }

    private List<Run> deadRuns() {
        return runs.stream().filter(Run::dead).toList();
    }

    private Run takeover(Run dead) {
        return runs.stream().filter(r -> r.firmId().equals(dead.firmId()) && r.start().isAfter(dead.start())
                && r.end() != null).min(Comparator.comparing(Run::start)).orElse(null);
    }

    private boolean backfillCompleted(String firmId) throws Exception {
        return count("SELECT count(*) FROM firm_sync WHERE firm_id = ? AND backfill_completed_at IS NOT NULL",
                firmId) == 1;
    }

    private long publishedMatters(String firmId) throws Exception {
        return count("SELECT count(*) FROM clio_record WHERE firm_id = ? AND resource = 'matters'", firmId);
    }

    private long count(String sql, String firmId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
