package com.caseclock.cliosandbox.rates;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The firm's time rounding (SPEC {@code components.schemas.BillingSetting.rounding}, minutes). The stored
 * {@code quantity} stays as sent; {@code rounded_quantity} is the quantity rounded <b>up</b> to the next multiple of the
 * increment, and totals are computed from it (SPEC {@code Activity_base.rounded_quantity}, tag "Activities").
 * [inf] Clio does not document the rounding direction; "up" is the common legal-billing practice.
 */
public final class TimeRounding {
    private TimeRounding() {}

    /**
     * @param seconds         quantity in seconds
     * @param roundingMinutes increment in minutes; 0 or less = no rounding
     * @return rounded quantity in seconds
     */
    public static BigDecimal roundUp(BigDecimal seconds, int roundingMinutes) {
        if (seconds == null) return BigDecimal.ZERO;
        if (roundingMinutes <= 0 || seconds.signum() <= 0) return seconds;
        BigDecimal step = BigDecimal.valueOf(roundingMinutes * 60L);
        return seconds.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }

    /** Seconds to hours, 4 decimals. */
    public static BigDecimal hours(BigDecimal seconds) {
        return seconds == null ? BigDecimal.ZERO : seconds.divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_UP);
    }
}
