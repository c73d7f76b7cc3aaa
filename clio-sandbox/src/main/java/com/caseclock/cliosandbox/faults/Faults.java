package com.caseclock.cliosandbox.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Fault injection for the Clio paths ({@code /api/v4/…}, {@code /oauth/…}); the admin paths {@code /_sandbox/…} are
 * never affected. Rules are consumed in the order they were added. Also: a fixed latency added to every request, and
 * pausing webhook deliveries (queued and sent on resume). Thread-safe.
 */
public final class Faults {
    private static final class Pending {
        final FaultRule rule;
        int left;

        Pending(FaultRule rule) {
            this.rule = rule;
            this.left = rule.times();
        }
    }

    private final List<Pending> rules = new ArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean webhooksPaused;
    private volatile Runnable onResume = () -> {};

    /** Adds a rule; returns this for chaining. */
    public synchronized Faults inject(FaultRule rule) {
        rules.add(new Pending(rule));
        return this;
    }

    /** Shorthand: the next {@code times} Clio requests fail with {@code mode}. */
    public Faults inject(FaultMode mode, int times) {
        return inject(FaultRule.of(mode, times));
    }

    /** Adds {@code latency} before every Clio request is handled ({@link Duration#ZERO} = off). */
    public Faults latency(Duration latency) {
        this.latency = latency == null ? Duration.ZERO : latency;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /** Holds webhook deliveries (handshakes included) until {@link #resumeWebhooks()}. */
    public Faults pauseWebhooks() {
        webhooksPaused = true;
        return this;
    }

    public Faults resumeWebhooks() {
        webhooksPaused = false;
        onResume.run();
        return this;
    }

    public boolean webhooksPaused() {
        return webhooksPaused;
    }

    /** Internal: called by the webhook dispatcher to flush its queue on resume. */
    public void onResume(Runnable r) {
        this.onResume = r;
    }

    /** Removes all pending rules, the latency and the webhook pause. */
    public synchronized Faults clear() {
        rules.clear();
        latency = Duration.ZERO;
        if (webhooksPaused) resumeWebhooks();
        return this;
    }

    /** Number of faults still to be triggered (sum over rules). */
    public synchronized int pending() {
        return rules.stream().mapToInt(p -> p.left).sum();
    }

    /** Takes one fault for a request on {@code path} acting for {@code firmKey} (may be null), if a rule matches. */
    public synchronized Optional<FaultRule> take(String path, String firmKey) {
        Iterator<Pending> it = rules.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.rule.matches(path, firmKey)) {
                if (--p.left <= 0) it.remove();
                return Optional.of(p.rule);
            }
        }
        return Optional.empty();
    }
}
