package com.caseclock.connector.sync;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.caseclock.connector.config.ConnectorConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Shares the firms among connector instances and runs their syncs. Every second it claims due firms with a lease in
 * the database ({@code FOR UPDATE SKIP LOCKED}, so two instances never run the same firm; a dead instance's lease
 * lapses and another instance picks its firms up) and runs each on its own worker, up to
 * {@code connector.sync.max-parallel-firms} at once, so a throttled or failing firm never delays the others.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final String instanceId = "connector-" + UUID.randomUUID();
    private final FirmSyncer syncer;
    private final SyncStore store;
    private final ConnectorConfig config;
    private final ExecutorService workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    SyncScheduler(FirmSyncer syncer, SyncStore store, ConnectorConfig config) {
        this.syncer = syncer;
        this.store = store;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(config.sync().maxParallelFirms(), r -> {
            Thread t = new Thread(r, "firm-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /** @return this instance's lease owner id */
    public String instanceId() {
        return instanceId;
    }

    /** Claims due firms and starts their runs (skipped while the previous tick is still claiming). */
    @Scheduled(every = "${connector.sync.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        int free = config.sync().maxParallelFirms() - running.size();
        if (free <= 0) {
            return;
        }
        Duration lease = config.sync().lease();
        List<SyncStore.Claim> claims = QuarkusTransaction.requiringNew()
                .call(() -> store.claimDue(instanceId, lease, free));
        for (SyncStore.Claim claim : claims) {
            running.add(claim.firmId());
            workers.submit(() -> runOne(claim));
        }
    }

    private void runOne(SyncStore.Claim claim) {
        FirmSyncer.Outcome outcome;
        try {
            outcome = syncer.run(claim);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Sync of firm %s failed unexpectedly", claim.firmId());
            outcome = new FirmSyncer.Outcome(config.sync().retryAfterFailure(),
                    "Sync failed unexpectedly (" + e.getClass().getSimpleName() + "); retrying");
        }
        FirmSyncer.Outcome done = outcome;
        try {
            if (done.error() != null) {
                LOG.warnf("Sync of firm %s stopped: %s", claim.firmId(), done.error());
            }
            QuarkusTransaction.requiringNew().run(() -> store.release(claim.firmId(), instanceId, done.nextIn(),
                    done.error()));
        } finally {
            running.remove(claim.firmId());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
