package com.caseclock.timeentry.service;

import com.caseclock.timeentry.repository.FirmSettings;
import com.caseclock.timeentry.repository.RoundingDirection;

/**
 * Rounds a duration to the firm's billing increment, for display only. The value sent to Clio is always the raw
 * duration: Clio applies its own rounding to it, so we never send a rounded value and never round twice.
 */
public final class BillablePreview {

    private BillablePreview() {
    }

    /**
     * @param durationSeconds raw duration in whole seconds (0..86,400)
     * @param settings        the firm's increment (minutes) and direction
     * @return the rounded duration in whole seconds; 0 stays 0
     */
    public static long seconds(long durationSeconds, FirmSettings settings) {
        return seconds(durationSeconds, settings.roundingIncrementMinutes, settings.roundingDirection);
    }

    /**
     * @param durationSeconds  raw duration in whole seconds, not negative
     * @param incrementMinutes increment in minutes, at least 1
     * @param direction        rounding direction
     * @return the rounded duration in whole seconds
     */
    public static long seconds(long durationSeconds, int incrementMinutes, RoundingDirection direction) {
        long step = incrementMinutes * 60L;
        if (durationSeconds <= 0 || step <= 0) {
            return Math.max(0, durationSeconds);
        }
        long down = durationSeconds / step * step;
        return switch (direction) {
            case DOWN -> down;
            case UP -> down == durationSeconds ? down : down + step;
            case NEAREST -> durationSeconds - down >= (step + 1) / 2 ? down + step : down;
        };
    }
}
