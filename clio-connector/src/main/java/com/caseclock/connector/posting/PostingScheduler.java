package com.caseclock.connector.posting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import com.caseclock.events.EventCodec;
import com.caseclock.events.FailureReason;
import com.caseclock.events.SyncFailure;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.connector.outbox.OutboxWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the posting jobs. On every dispatch it picks firms with due jobs that are not waiting out a 429, claims up to
 * {@code connector.posting.batch} of each firm's jobs with a lease ({@code FOR UPDATE SKIP LOCKED}, so instances never
 * run the same job; a dead instance's lease lapses and another picks the job up) and runs each firm's jobs one after
 * the other on a worker, up to {@code connector.posting.max-parallel-firms} firms at once. A 429 throttles only its
 * firm ({@code posting_firm_throttle}) and hands the firm's remaining jobs back untouched; other firms go on. 5xx and
 * timeouts are retried by rescheduling the job with exponential backoff and jitter (no thread sleeps), up to
 * {@code connector.posting.max-attempts}; then FAILED, a FAILED result, and a dead letter.
 *
 * <p>A dispatch runs on one dispatcher thread: at once when a job becomes due ({@link PostingQueued}, after the
 * consumer's transaction commits), when a worker finishes a firm's batch (so a backlog is worked through without
 * waiting for the clock), and every {@code connector.posting.tick} as the safety net (jobs due after a backoff, other
 * instances' lapsed leases). Requests made while a dispatch is queued collapse into that one.
 */
@ApplicationScoped
public class PostingScheduler {

    private static final Logger LOG = Logger.getLogger(PostingScheduler.class);

    private final String instanceId = "poster-" + UUID.randomUUID();
    private final EntryPoster poster;
    private final PostingStore store;
    private final PostingConfig config;
    private final DeadLetterPublisher deadLetters;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ExecutorService workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong lastReconnectCheck = new AtomicLong();
    private final AtomicBoolean dispatchQueued = new AtomicBoolean();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "clio-posting-dispatch");
        t.setDaemon(true);
        return t;
    });

    PostingScheduler(EntryPoster poster, PostingStore store, PostingConfig config, DeadLetterPublisher deadLetters,
            OutboxWriter outbox, Clock clock) {
        this.poster = poster;
        this.store = store;
        this.config = config;
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.clock = clock;
        this.lastReconnectCheck.set(System.nanoTime() - Duration.ofMinutes(1).toNanos());
        this.workers = Executors.newFixedThreadPool(config.maxParallelFirms(), r -> {
            Thread t = new Thread(r, "clio-posting");
            t.setDaemon(true);
            return t;
        });
    }

    /** The safety-net tick: wakes reconnected users' jobs, sends dead letters, then dispatches. */
    @Scheduled(every = "${connector.posting.tick:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        try {
            long now = System.nanoTime();
            if (now - lastReconnectCheck.get() > Duration.ofSeconds(10).toNanos()) {
                lastReconnectCheck.set(now);
                int woken = QuarkusTransaction.requiringNew().call(store::wakeReconnected);
                if (woken > 0) {
                    LOG.infof("%d posting job(s) parked for a reconnect are due again", woken);
                }
            }
            deadLetters.sweep();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Posting tick failed");
        }
        wake();
    }

    /** A job became due (its transaction committed): dispatch now rather than at the next tick. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) PostingQueued queued) {
        wake();
    }

    /** Asks for a dispatch on the dispatcher thread; collapses into one already queued. */
    void wake() {
        if (dispatchQueued.compareAndSet(false, true)) {
            try {
                dispatcher.execute(() -> {
                    dispatchQueued.set(false);
                    dispatch();
                });
            } catch (RejectedExecutionException e) {
                dispatchQueued.set(false); // shutting down
            }
        }
    }

    /** Claims due work of firms not running here and hands each firm's batch to a worker. */
    private void dispatch() {
        try {
            int free = config.maxParallelFirms() - running.size();
            if (free <= 0) {
                return;
            }
            List<String> firms = QuarkusTransaction.requiringNew().call(() -> store.dueFirms(Set.copyOf(running),
                    free));
            for (String firm : firms) {
                List<PostingStore.Job> claimed = QuarkusTransaction.requiringNew()
                        .call(() -> store.claim(firm, instanceId, config.lease(), config.batch()));
                if (claimed.isEmpty() || !running.add(firm)) {
                    continue;
                }
                workers.submit(() -> runFirm(firm, claimed));
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Posting dispatch failed");
        }
    }

    /** A user reconnected: their parked jobs are due now. */
    void onConnectionRestored(@Observes ConnectionRestored restored) {
        int woken = store.wakeWaiting(restored.firmId(), restored.userId());
        LOG.infof("Firm %s user %s reconnected: %d parked posting job(s) due again", restored.firmId(),
                restored.userId(), woken);
    }

    private void runFirm(String firm, List<PostingStore.Job> jobs) {
        EntryPoster.Batch batch = poster.batch();
        try {
            for (int i = 0; i < jobs.size(); i++) {
                PostingStore.Job claimed = jobs.get(i);
                boolean mine = QuarkusTransaction.requiringNew().call(() -> store.renewLease(claimed.timeEntryId(),
                        instanceId, config.lease()));
                if (!mine) {
                    continue;
                }
                // re-read: a newer revision may have replaced the event since the claim
                PostingStore.Job job = QuarkusTransaction.requiringNew().call(() -> store.job(claimed.timeEntryId()));
                Outcome outcome;
                try {
                    outcome = poster.run(job, batch);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Posting entry %s failed unexpectedly", job.timeEntryId());
                    try {
                        store.clioAnswer(job.timeEntryId(), null, null, e.getClass().getName());
                    } catch (RuntimeException bookkeeping) {
                        LOG.debugf("Could not note the failure class of entry %s", job.timeEntryId());
                    }
                    outcome = new Outcome.Retry(FailureReason.INTERNAL_ERROR, "The connector failed unexpectedly ("
                            + e.getClass().getSimpleName() + ")", null);
                }
                record(job, outcome);
                if (outcome instanceof Outcome.Throttled throttled) {
                    for (PostingStore.Job rest : jobs.subList(i + 1, jobs.size())) {
                        QuarkusTransaction.requiringNew().run(() -> store.release(rest.timeEntryId(), instanceId,
                                throttled.retryAfter()));
                    }
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Posting for firm %s stopped; its leases lapse and the jobs are retried", firm);
        } finally {
            running.remove(firm);
            wake(); // the firm may have more due jobs, and a worker is free for another firm
        }
    }

    private void record(PostingStore.Job job, Outcome outcome) {
        if (outcome instanceof Outcome.Finished f) {
            finish(job, f.draft(), f.failed() ? PostingStore.State.FAILED : PostingStore.State.DONE);
        } else if (outcome instanceof Outcome.Deferred d) {
            QuarkusTransaction.requiringNew().run(() -> store.defer(job.timeEntryId(), instanceId, d.delay()));
        } else if (outcome instanceof Outcome.WaitingForConnection w) {
            finish(job, poster.waitingDraft(job, w.message()), PostingStore.State.WAITING_FOR_CONNECTION);
        } else if (outcome instanceof Outcome.Throttled t) {
            int parks = job.rateLimitParks() + 1;
            QuarkusTransaction.requiringNew().run(() -> store.throttle(job.firmId(), t.retryAfter()));
            if (parks > config.maxRateLimitParks()) {
                SyncFailure failure = SyncResults.failure(FailureReason.RATE_LIMITED, "Clio kept limiting the "
                        + "connector's requests (HTTP 429, " + parks + " waits); the entry was not sent. It can be "
                        + "sent again later.", true, 429, Math.max(1, job.attempts()));
                finish(job, poster.failedDraft(job, failure), PostingStore.State.FAILED);
            } else {
                LOG.infof("Firm %s rate-limited by Clio: waiting %s", job.firmId(), t.retryAfter());
                QuarkusTransaction.requiringNew().run(() -> store.retryLater(job.timeEntryId(), instanceId,
                        t.retryAfter(), t.message(), false, true));
            }
        } else if (outcome instanceof Outcome.Retry r) {
            int attempts = job.attempts() + 1;
            if (attempts >= config.maxAttempts()) {
                String message = r.reason() == FailureReason.CLIO_UNAVAILABLE
                        ? "Clio was unavailable; the entry was not confirmed in Clio after " + attempts
                                + " attempts. It will be sent again when support replays it."
                        : r.message() + "; gave up after " + attempts + " attempts.";
                SyncFailure failure = SyncResults.failure(r.reason(), message, true, r.clioStatus(), attempts);
                finish(job, poster.failedDraft(job, failure), PostingStore.State.FAILED);
            } else {
                Duration delay = backoff(attempts);
                LOG.infof("Entry %s: %s; attempt %d, retrying in %s", job.timeEntryId(), r.message(), attempts,
                        delay);
                QuarkusTransaction.requiringNew().run(() -> store.retryLater(job.timeEntryId(), instanceId, delay,
                        r.message(), true, false));
            }
        }
    }

    /** Publishes the result for every event the job answers, and records the job's end, in one transaction. */
    private void finish(PostingStore.Job job, SyncResults.Draft draft, PostingStore.State state) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            PostingStore.Job current = store.lockJob(job.timeEntryId());
            List<String> sources = job.pendingSources().isEmpty()
                    ? List.of(PostingStore.source(job.sourceEventId(), job.revision()))
                    : job.pendingSources();
            String lastJson = null;
            for (String source : sources) {
                int colon = source.lastIndexOf(':');
                TimeEntrySyncResultV1 result = draft.answer(UUID.fromString(source.substring(0, colon)),
                        Long.parseLong(source.substring(colon + 1)), now);
                OutgoingEvent out = OutgoingEvent.of(result, EventCodec.shared());
                outbox.append(out);
                if (result.sourceEventId().equals(job.sourceEventId()) || lastJson == null) {
                    lastJson = out.payloadJson();
                }
            }
            SyncFailure failure = draft.failure();
            // every job that ends FAILED is dead-lettered (Clio's refusals too, so support sees and can replay them);
            // a job parked for a reconnect is not: it resumes by itself
            boolean deadLetter = failure != null && state == PostingStore.State.FAILED;
            store.finish(job.timeEntryId(), job.revision(), sources, state, lastJson,
                    failure == null ? null : failure.message(), deadLetter,
                    failure == null ? null : failure.reason() + ": " + failure.message(),
                    failure == null ? job.attempts() : failure.attempts());
            if (current != null && current.revision() != job.revision()) {
                LOG.debugf("Entry %s moved on to revision %d while revision %d was posted", job.timeEntryId(),
                        current.revision(), job.revision());
            }
        });
        if (draft.failure() != null) {
            LOG.warnf("Entry %s: %s — %s", job.timeEntryId(), draft.failure().reason(), draft.failure().message());
        }
    }

    /** Exponential backoff with ±50 % jitter, capped. */
    Duration backoff(int attempts) {
        long base = config.backoffInitial().toMillis() << Math.min(20, attempts - 1);
        long capped = Math.min(base, config.backoffMax().toMillis());
        long jittered = (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble()));
        return Duration.ofMillis(Math.max(1, jittered));
    }

    @PreDestroy
    void stop() {
        dispatcher.shutdownNow();
        workers.shutdownNow();
    }
}
