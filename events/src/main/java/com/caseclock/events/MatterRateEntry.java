package com.caseclock.events;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;

/**
 * One line of a matter's custom rate. It applies to one user ({@code userClioId} set), one group
 * ({@code groupClioId} set) or the whole firm (both {@code null}); never both set.
 *
 * @param userClioId                Clio user id, or {@code null}
 * @param groupClioId               Clio group id, or {@code null}
 * @param rate                      for {@link CustomRateType#HOURLY_RATE} the hourly rate; for
 *                                  {@link CustomRateType#FLAT_RATE} the flat amount; {@code null} for
 *                                  {@link CustomRateType#CONTINGENCY_FEE}
 * @param contingencyPercent        percent (e.g. {@code 33.33} means 33.33 %), JSON decimal string; {@code null}
 *                                  unless contingency fee
 * @param activityDescriptionClioId for flat rates the Clio activity description the flat fee is billed under,
 *                                  otherwise {@code null}
 */
public record MatterRateEntry(
        Long userClioId,
        Long groupClioId,
        Money rate,
        @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal contingencyPercent,
        Long activityDescriptionClioId) {
}
