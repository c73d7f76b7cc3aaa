package com.caseclock.cliosandbox.rates;

import com.caseclock.cliosandbox.model.ActivityDescription;
import com.caseclock.cliosandbox.model.ActivityRate;
import com.caseclock.cliosandbox.model.Contact;
import com.caseclock.cliosandbox.model.CustomRate;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Group;
import com.caseclock.cliosandbox.model.Matter;
import com.caseclock.cliosandbox.model.User;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Clio's rate hierarchy for a time entry without an explicit price, highest first
 * (https://help.clio.com/hc/en-us/articles/9289801180187-Rates-and-Rate-Hierarchies- ; same order in
 * https://support.clio.com/hc/en-us/articles/203142764):
 * <ol>
 *   <li>a price typed on the entry (handled by the caller),</li>
 *   <li>a flat rate: the matter's {@code FlatRate} custom rate, a {@code FlatRate} activity description, or a client
 *       rate with {@code flat_rate},</li>
 *   <li>the matter's {@code HourlyRate} custom rate for the user or for a group the user belongs to,</li>
 *   <li>the client's rate (an {@code ActivityRate} of the matter's client, for the user, one of their groups, or everyone),</li>
 *   <li>the activity description's {@code Custom} rate,</li>
 *   <li>the user's default rate.</li>
 * </ol>
 * When several rates of one level match (e.g. a user rate and two group rates on one matter) the highest wins, as the
 * older Clio article states. On a flat-rate matter, time under another activity description is tracked at 0/hr
 * (H-RATES: "track other time at 0/hr"). A {@code ContingencyFee} matter has no hourly override, so lower levels apply.
 * [inf] A group with type {@code AccountGroup} contains every user of the firm.
 */
public final class RateCalculator {
    private RateCalculator() {}

    /**
     * Resolves the rate for {@code user} working on {@code matter} (may be null) under {@code description} (may be null).
     * Must be called under the state lock.
     */
    public static RateResult resolve(Firm firm, Matter matter, User user, ActivityDescription description) {
        Predicate<CustomRate> forUser = r -> matches(firm, user, r.userId, r.groupId, false);
        if (matter != null && "FlatRate".equals(matter.customRate.type) && !matter.customRate.rates.isEmpty()) {
            CustomRate flat = matter.customRate.rates.get(0);
            if (flat.activityDescriptionId == null || description == null
                    || flat.activityDescriptionId == description.id) {
                return new RateResult(flat.rate, "Matter", true, 2);
            }
            return new RateResult(BigDecimal.ZERO, "Matter", false, 2);
        }
        if (description != null && "FlatRate".equals(description.rateType)) {
            return new RateResult(description.amount, "Activity", true, 2);
        }
        Contact client = matter == null || matter.clientId == null ? null : firm.contacts.get(matter.clientId);
        Optional<BigDecimal> clientFlat = clientRate(firm, client, user, true);
        if (clientFlat.isPresent()) return new RateResult(clientFlat.get(), "Client", true, 2);

        if (matter != null && "HourlyRate".equals(matter.customRate.type)) {
            Optional<BigDecimal> best = matter.customRate.rates.stream().filter(forUser).map(r -> r.rate)
                    .filter(r -> r != null).max(BigDecimal::compareTo);
            if (best.isPresent()) return new RateResult(best.get(), "Matter", false, 3);
        }
        Optional<BigDecimal> clientHourly = clientRate(firm, client, user, false);
        if (clientHourly.isPresent()) return new RateResult(clientHourly.get(), "Client", false, 4);

        if (description != null && "Custom".equals(description.rateType)) {
            return new RateResult(description.amount, "Activity", false, 5);
        }
        return new RateResult(user == null || user.rate == null ? BigDecimal.ZERO : user.rate, "Default", false, 6);
    }

    private static Optional<BigDecimal> clientRate(Firm firm, Contact client, User user, boolean flat) {
        if (client == null) return Optional.empty();
        return firm.activityRates.values().stream()
                .filter(r -> r.contactId != null && r.contactId == client.id && r.flatRate == flat)
                .filter(r -> matches(firm, user, r.userId, r.groupId, true))
                .map((ActivityRate r) -> r.rate).filter(r -> r != null).max(BigDecimal::compareTo);
    }

    private static boolean matches(Firm firm, User user, Long userId, Long groupId, boolean emptyMatchesAll) {
        if (userId == null && groupId == null) return emptyMatchesAll;
        if (user == null) return false;
        if (userId != null) return userId == user.id;
        Group g = firm.groups.get(groupId);
        return g != null && ("AccountGroup".equals(g.type) || g.userIds.contains(user.id));
    }
}
