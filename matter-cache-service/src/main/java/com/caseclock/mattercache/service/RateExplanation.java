package com.caseclock.mattercache.service;

import java.math.BigDecimal;
import java.util.List;

import com.caseclock.events.Money;
import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * Which rate a time entry on a matter by a user would get, and why.
 *
 * @param matterId              Clio matter id
 * @param userId                Clio user id
 * @param activityDescriptionId Clio activity description id considered, or {@code null}
 * @param known                 {@code false} when the cache lacks what it needs (matter, user rate record, activity
 *                              description not synced yet): then {@code appliedLayer} and {@code rate} are
 *                              {@code null} and {@code reason} says what is missing
 * @param reason                why the rate is not known, or {@code null}
 * @param appliedLayer          the layer that decides the rate, or {@code null} (unknown, or no layer has a rate)
 * @param rate                  the rate that applies, or {@code null} (unknown, contingency, or none set)
 * @param rateUnit              what {@code rate} means, or {@code null} with no applied layer
 * @param contingencyPercent    the contingency percentage (e.g. {@code 33.33}) on a contingency matter, else
 *                              {@code null}
 * @param layers                every layer of Clio's precedence, highest first, with its value for this matter and
 *                              user
 */
public record RateExplanation(long matterId, long userId, Long activityDescriptionId, boolean known, String reason,
        RateLayer appliedLayer, Money rate, RateUnit rateUnit,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal contingencyPercent, List<Layer> layers) {

    /**
     * One layer of the precedence.
     *
     * @param layer   which layer
     * @param value   its rate for this matter and user, or {@code null} when it has none
     * @param unit    what {@code value} means, or {@code null}
     * @param source  plain words: where the value comes from, or why there is none
     * @param applies whether this layer decides the rate
     */
    public record Layer(RateLayer layer, Money value, RateUnit unit, String source, boolean applies) {
    }
}
