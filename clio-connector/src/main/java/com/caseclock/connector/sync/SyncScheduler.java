package com.caseclock.connector.sync;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executors;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.caseclock.connector.config.ConnectorConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Shares the firms among connector instances and runs their syncs. Every second it claims due firms with a lease in
 * the database ({@code FOR UPDATE SKIP LOCKED}, so two instances never run the same firm) and runs each on its own
 * worker, up to {@code connector.sync.max-parallel-firms} at once, so a throttled or failing firm never delays the
 * others. While a run lasts, its lease is renewed every third of {@code connector.sync.lease} (default 30 s), so a long
 * backfill keeps its firm; a firm is leased only while it runs, so when an instance dies, its idle firms are simply
 * due for the next instance and the ones it was running lapse within one lease, less than one poll interval.
 *
 * <p>{@link #wake()} claims at once instead of at the next tick (a webhook delivery made its firm due); requests made
 * while one is queued collapse into it, and a claim never runs twice at the same time on one instance.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final String instanceId;
    private final Function<SyncStore.Claim, FirmSyncer.Outcome> syncer;
    private final SyncStore store;
    private final ConnectorConfig config;
    private final ExecutorService workers;
    /** Firms running on this instance → the run that holds them (a firm re-claimed before its previous run's
     * bookkeeping ended must not be dropped from here by that run). */
    private final java.util.Map<String, Object> running = new ConcurrentHashMap<>();
    private volatile long lastRenewalNanos = System.nanoTime();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "firm-sync-wake");
        t.setDaemon(true);
        return t;
    });

    @Inject
    SyncScheduler(FirmSyncer syncer, SyncStore store, ConnectorConfig config) {
        this(syncer::run, store, config, "connector-" + UUID.randomUUID());
    }

    /**
     * Another instance sharing the same database (e.g. a second instance in a test).
     *
     * @param syncer     runs one claimed firm (normally {@link FirmSyncer#run})
     * @param instanceId its lease owner id
     */
    SyncScheduler(Function<SyncStore.Claim, FirmSyncer.Outcome> syncer, SyncStore store, ConnectorConfig config,
            String instanceId) {
        this.instanceId = instanceId;
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

    /**
     * Renews the leases of running firms when due, then claims due firms and starts their runs (skipped while the
     * previous tick is still running, and until the application has started).
     */
    @Scheduled(every = "${connector.sync.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        claimAndStart();
    }

    /** Claims due firms now, on the wake-up thread (e.g. after a webhook delivery made a firm due). */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                waker.execute(() -> {
                    wakeQueued.set(false);
                    try {
                        claimAndStart();
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Sync wake-up failed; the next tick tries again");
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakeQueued.set(false); // shutting down
            }
        }
    }

    private synchronized void claimAndStart() {
        renewLeases();
        int free = config.sync().maxParallelFirms() - running.size();
        if (free <= 0) {
            return;
        }
        Duration lease = config.sync().lease();
        List<SyncStore.Claim> claims = QuarkusTransaction.requiringNew()
                .call(() -> store.claimDue(instanceId, lease, free));
        for (SyncStore.Claim claim : claims) {
            Object token = new Object();
            running.put(claim.firmId(), token);
            workers.submit(() -> runOne(claim, token));
        }
    }

    private void renewLeases() {
        Duration lease = config.sync().lease();
        long now = System.nanoTime();
        if (running.isEmpty() || now - lastRenewalNanos < lease.toNanos() / 3) {
            return;
        }
        lastRenewalNanos = now;
        List<String> firms = List.copyOf(running.keySet());
        List<String> held = QuarkusTransaction.requiringNew().call(() -> store.renewLeases(instanceId, firms, lease));
        for (String firm : firms) {
            if (!held.contains(firm) && running.containsKey(firm)) {
                LOG.warnf("Instance %s lost the sync lease of firm %s while running it (paused longer than %s?)",
                        instanceId, firm, lease);
            }
        }
    }

    private void runOne(SyncStore.Claim claim, Object token) {
        FirmSyncer.Outcome outcome;
        try {
            outcome = syncer.apply(claim);
        } catch (RuntimeException e) {
            if (workers.isShutdown()) {
                // the service is stopping (its HTTP and database clients close under the run): not a failure; the
                // lease runs out and the firm is synced again after the restart, from its stored watermarks
                LOG.infof("Sync of firm %s interrupted by the service stopping (%s)", claim.firmId(), e.toString());
                running.remove(claim.firmId(), token);
                return;
            }
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
            running.remove(claim.firmId(), token); // not a newer run of the same firm claimed meanwhile
        }
    }

    @PreDestroy
    void stop() {
        waker.shutdownNow();
        workers.shutdownNow();
    }
}
