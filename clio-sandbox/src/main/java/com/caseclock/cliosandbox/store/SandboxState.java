package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.model.Entity;
import com.caseclock.cliosandbox.model.Firm;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * All data of one sandbox instance: the firms, the id sequence (ids are unique across firms, as in a Clio region)
 * and the clock. Every read or write of model objects happens inside {@link #locked}.
 */
public final class SandboxState {
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<String, Firm> firms = new LinkedHashMap<>();
    private volatile ChangeListener listener = ChangeListener.NONE;

    public SandboxState(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** Current time truncated to whole seconds (the precision Clio exposes). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    /** Makes sure later generated ids are above {@code id} (used when loading seeds with explicit ids). */
    public void reserveId(long id) {
        ids.accumulateAndGet(id, Math::max);
    }

    /** Gives {@code e} a fresh id (unless it has one) and creation timestamps. */
    public <T extends Entity> T init(T e) {
        if (e.id == 0) e.id = nextId();
        else reserveId(e.id);
        Instant now = now();
        if (e.createdAt == null) e.createdAt = now;
        if (e.updatedAt == null) e.updatedAt = e.createdAt;
        e.version = Math.max(1, e.version);
        return e;
    }

    public synchronized <T> T locked(Supplier<T> action) {
        return action.get();
    }

    public synchronized void locked(Runnable action) {
        action.run();
    }

    public synchronized void addFirm(Firm firm) {
        if (firms.containsKey(firm.key)) throw new IllegalArgumentException("duplicate firm " + firm.key);
        firms.put(firm.key, firm);
    }

    /** The firm with this key; 404 when unknown. */
    public synchronized Firm firm(String key) {
        Firm f = firms.get(key);
        if (f == null) throw ApiException.notFound("Firm " + key);
        return f;
    }

    public synchronized Firm firmOrNull(String key) {
        return firms.get(key);
    }

    public synchronized Collection<Firm> firms() {
        return java.util.List.copyOf(firms.values());
    }

    public ChangeListener listener() {
        return listener;
    }

    public void listener(ChangeListener listener) {
        this.listener = listener;
    }
}
