package com.caseclock.cliosandbox.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * "Make the next {@code times} requests fail with {@code mode}", optionally only requests whose path contains
 * {@code pathContains} and/or that act for firm {@code firmKey}.
 *
 * @param delay       for {@link FaultMode#DELAY}: how long to hold the response; for
 *                    {@link FaultMode#RATE_LIMIT_STORM}: the {@code Retry-After} (whole seconds, at least 1)
 */
public record FaultRule(FaultMode mode, int times, String pathContains, String firmKey, Duration delay) {
    public FaultRule {
        Objects.requireNonNull(mode, "mode");
        if (times < 1) throw new IllegalArgumentException("times must be >= 1");
        if (delay == null) delay = mode == FaultMode.RATE_LIMIT_STORM ? Duration.ofSeconds(1) : Duration.ofSeconds(30);
    }

    public static FaultRule of(FaultMode mode, int times) {
        return new FaultRule(mode, times, null, null, null);
    }

    public FaultRule onPath(String pathContains) {
        return new FaultRule(mode, times, pathContains, firmKey, delay);
    }

    public FaultRule forFirm(String firmKey) {
        return new FaultRule(mode, times, pathContains, firmKey, delay);
    }

    public FaultRule withDelay(Duration delay) {
        return new FaultRule(mode, times, pathContains, firmKey, delay);
    }

    boolean matches(String path, String firm) {
        return (pathContains == null || (path != null && path.contains(pathContains)))
                && (firmKey == null || firmKey.equals(firm));
    }
}
