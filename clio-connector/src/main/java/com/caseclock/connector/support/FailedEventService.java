package com.caseclock.connector.support;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Support's work on failed events: search, show with history, replay (one or a filtered set) and resolve with a
 * comment. Every replay and resolution is recorded in the event's history with the caller's subject and firm.
 * Access follows {@link SupportAccess}.
 */
@ApplicationScoped
public class FailedEventService {

    /** Most events one filtered replay republishes. */
    public static final int MAX_BULK_REPLAY = 500;

    private static final Logger LOG = Logger.getLogger(FailedEventService.class);

    private final FailedEventStore store;
    private final Replayer replayer;
    private final Clock clock;

    FailedEventService(FailedEventStore store, Replayer replayer, Clock clock) {
        this.store = store;
        this.replayer = replayer;
        this.clock = clock;
    }

    /**
     * Outcome of a filtered replay.
     *
     * @param replayed the failed events republished
     * @param failed   the failed events that could not be republished, with why
     */
    public record BulkReplay(List<UUID> replayed, Map<UUID, String> failed) {
    }

    /** @return one page of the caller's visible failed events matching {@code filter} */
    public FailedEvent.Page search(Caller caller, FailedEvent.Filter filter, int page, int size) {
        String firm = SupportAccess.firm(caller, filter.firmId());
        return QuarkusTransaction.requiringNew().call(() -> store.search(filter.inFirm(firm), page, size));
    }

    /** @return the failed event with its history; 404 when unknown or of another firm */
    public FailedEvent.Detail show(Caller caller, UUID id) {
        visible(caller, id);
        return QuarkusTransaction.requiringNew().call(() -> store.detail(id))
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Republishes the failed event's original record to its original topic ({@link Replayer}) and records the replay.
     *
     * @throws ProblemException 404 unknown or another firm's; 409 when it is resolved already or the original record
     *                          cannot be replayed (topic or value unknown); 503 when the broker did not take it
     */
    public FailedEvent.Detail replay(Caller caller, UUID id) {
        visible(caller, id);
        FailedEventStore.Original original = QuarkusTransaction.requiringNew().call(() -> {
            FailedEventStore.Original o = store.lockOriginal(id).orElseThrow(() -> notFound(id));
            if (o.state() == FailedEvent.State.RESOLVED) {
                throw alreadyResolved(id);
            }
            if (o.topic() == null || o.key() == null || o.value() == null) {
                throw new ProblemException(409, "Conflict", "Failed event " + id + " cannot be replayed: its original "
                        + "topic, key or value is unknown.");
            }
            store.history(id, "REPLAYED", clock.instant(), caller.userId(), caller.firmId(), "to " + o.topic(),
                    null, null);
            store.state(id, FailedEvent.State.REPLAYED);
            return o;
        });
        try {
            replayer.republish(id, original.topic(), original.key(), original.value(), original.headers());
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> {
                store.dropLastReplay(id, caller.userId());
                store.state(id, FailedEvent.State.REPLAYED, original.state());
            });
            throw new ProblemException(503, "Service unavailable", "The replay of failed event " + id
                    + " could not be published (" + e.getClass().getSimpleName() + "); nothing was changed. Try again.");
        }
        LOG.infof("Failed event %s replayed to %s by %s (firm %s)", id, original.topic(), caller.userId(),
                caller.firmId());
        return show(caller, id);
    }

    /**
     * Replays every visible failed event matching {@code filter} (oldest failure first, at most {@code limit}); the
     * state filter defaults to OPEN so resolved and already replayed events are left alone unless asked for.
     */
    public BulkReplay replayMatching(Caller caller, FailedEvent.Filter filter, int limit) {
        String firm = SupportAccess.firm(caller, filter.firmId());
        FailedEvent.Filter scoped = filter.inFirm(firm);
        if (scoped.state() == null) {
            scoped = new FailedEvent.Filter(scoped.firmId(), scoped.userId(), scoped.entryId(), scoped.matterId(),
                    scoped.reasonCode(), scoped.from(), scoped.to(), FailedEvent.State.OPEN);
        }
        FailedEvent.Filter query = scoped;
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> store.ids(query, limit));
        List<UUID> replayed = new ArrayList<>();
        Map<UUID, String> failed = new LinkedHashMap<>();
        for (UUID id : ids) {
            try {
                replay(caller, id);
                replayed.add(id);
            } catch (ProblemException e) {
                failed.put(id, e.getMessage());
            }
        }
        return new BulkReplay(replayed, failed);
    }

    /**
     * Marks the failed event resolved and records the comment.
     *
     * @throws ProblemException 404 unknown or another firm's; 409 when it is resolved already (nothing recorded)
     */
    public FailedEvent.Detail resolve(Caller caller, UUID id, String comment) {
        visible(caller, id);
        QuarkusTransaction.requiringNew().run(() -> {
            FailedEventStore.Original o = store.lockOriginal(id).orElseThrow(() -> notFound(id));
            if (o.state() == FailedEvent.State.RESOLVED) {
                throw alreadyResolved(id);
            }
            store.history(id, "RESOLVED", clock.instant(), caller.userId(), caller.firmId(), comment, null, null);
            store.state(id, FailedEvent.State.RESOLVED);
        });
        LOG.infof("Failed event %s resolved by %s (firm %s)", id, caller.userId(), caller.firmId());
        return show(caller, id);
    }

    private void visible(Caller caller, UUID id) {
        SupportAccess.scope(caller); // 403 first for callers without access
        String firm = QuarkusTransaction.requiringNew().call(() -> store.firmOf(id)).orElseThrow(() -> notFound(id));
        SupportAccess.check(caller, firm, "Failed event " + id);
    }

    private static ProblemException alreadyResolved(UUID id) {
        return new ProblemException(409, "Conflict", "Failed event " + id + " is already resolved.");
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Failed event " + id);
    }
}
