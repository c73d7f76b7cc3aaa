package com.caseclock.events;

import java.util.List;

/**
 * A matter's custom rate in Clio.
 *
 * @param type  kind of custom rate, not {@code null}
 * @param rates the rate lines, not {@code null} (may be empty); copied to an unmodifiable list
 */
public record MatterCustomRate(CustomRateType type, List<MatterRateEntry> rates) {

    /**
     * Copies {@code rates} defensively.
     *
     * @param type see the record description
     * @param rates see the record description
     */
    public MatterCustomRate {
        rates = Lists.copy(rates);
    }
}
