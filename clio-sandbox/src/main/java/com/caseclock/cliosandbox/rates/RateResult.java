package com.caseclock.cliosandbox.rates;

import java.math.BigDecimal;

/**
 * The rate that applies to a time entry.
 *
 * @param amount    hourly amount, or the fixed amount when {@code flat}
 * @param hierarchy which level won, as in SPEC {@code ActivityDescriptionRate_base.hierarchy}: {@code Default},
 *                  {@code Activity}, {@code Matter} or {@code Client}
 * @param flat      true for a flat rate (the entry is worth {@code amount} whatever its duration)
 * @param layer     precedence layer 2..6 of https://help.clio.com/hc/en-us/articles/9289801180187-Rates-and-Rate-Hierarchies-
 */
public record RateResult(BigDecimal amount, String hierarchy, boolean flat, int layer) {}
