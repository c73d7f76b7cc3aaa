package com.caseclock.mattercache.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.caseclock.events.ActivityRateType;
import com.caseclock.events.CustomRateType;
import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterRateEntry;
import com.caseclock.events.Money;
import com.caseclock.mattercache.repository.ActivityDescriptionRecord;
import com.caseclock.mattercache.repository.ClientRateRecord;
import com.caseclock.mattercache.repository.MatterRecord;
import com.caseclock.mattercache.repository.UserRateRecord;

/**
 * Clio's rate precedence as a pure function of cached records (no I/O), see {@link RateLayer}. Within the matter and
 * client layers a rate for the user wins over group rates, the highest rate of the user's groups over a firm-wide
 * ("everyone") rate.
 */
public final class RatePrecedence {

    private RatePrecedence() {
    }

    /**
     * The inputs of an explanation.
     *
     * @param userClioId            the Clio user
     * @param matter                the cached matter
     * @param user                  the user's rate record, {@code null} if not synced
     * @param clientRates           the matter's client's rates (empty if none or no client)
     * @param activityDescriptionId requested activity description, or {@code null}
     * @param activity              its record, {@code null} if not requested or not synced
     */
    public record Inputs(long userClioId, MatterRecord matter, UserRateRecord user, List<ClientRateRecord> clientRates,
            Long activityDescriptionId, ActivityDescriptionRecord activity) {
    }

    private record Candidate(Money value, RateUnit unit, String source) {
    }

    /**
     * @param in the cached records
     * @return the explanation, every layer listed
     */
    public static RateExplanation explain(Inputs in) {
        List<String> missing = new ArrayList<>();
        if (in.user() == null) {
            missing.add("the rate record of Clio user " + in.userClioId()
                    + " (default rate and groups) has not been synced yet");
        }
        if (in.activityDescriptionId() != null && in.activity() == null) {
            missing.add("activity description " + in.activityDescriptionId() + " has not been synced yet");
        }
        List<Long> groups = in.user() == null ? List.of() : in.user().groupClioIds();
        MatterCustomRate custom = in.matter().customRate();

        Candidate entry = none("a price typed on the entry; not part of a preview");
        Candidate flat = flat(in, custom, groups);
        Candidate matter = matter(in, custom, groups);
        Candidate client = client(in, groups);
        Candidate activity = activity(in);
        Candidate userDefault = in.user() == null ? none("user rate not synced")
                : in.user().defaultRate() == null ? none("no default rate set for " + in.user().userName())
                        : new Candidate(in.user().defaultRate(), RateUnit.PER_HOUR,
                                "default rate of " + in.user().userName());

        List<Candidate> candidates = List.of(entry, flat, matter, client, activity, userDefault);
        RateLayer applied = null;
        boolean known = missing.isEmpty();
        if (known) {
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).unit() != null) {
                    applied = RateLayer.values()[i];
                    break;
                }
            }
        }
        List<RateExplanation.Layer> layers = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            layers.add(new RateExplanation.Layer(RateLayer.values()[i], c.value(), c.unit(), c.source(),
                    RateLayer.values()[i] == applied));
        }
        Candidate winner = applied == null ? null : candidates.get(applied.ordinal());
        return new RateExplanation(in.matter().clioId(), in.userClioId(), in.activityDescriptionId(), known,
                known ? null : String.join("; ", missing), applied, winner == null ? null : winner.value(),
                winner == null ? null : winner.unit(),
                winner != null && winner.unit() == RateUnit.CONTINGENCY ? contingencyPercent(custom) : null,
                layers);
    }

    private static Candidate flat(Inputs in, MatterCustomRate custom, List<Long> groups) {
        if (custom != null && custom.type() == CustomRateType.FLAT_RATE) {
            Optional<MatterRateEntry> line = pick(custom.rates(), in.userClioId(), groups, MatterRateEntry::userClioId,
                    MatterRateEntry::groupClioId, MatterRateEntry::rate);
            if (line.isEmpty() && !custom.rates().isEmpty()) {
                line = Optional.of(custom.rates().get(0));
            }
            if (line.isPresent() && line.get().rate() != null) {
                return new Candidate(line.get().rate(), RateUnit.FLAT, "flat fee of the matter");
            }
        }
        if (in.activity() != null && in.activity().rateType() == ActivityRateType.FLAT_RATE
                && in.activity().rate() != null) {
            return new Candidate(in.activity().rate(), RateUnit.FLAT,
                    "flat rate of activity description " + in.activity().name());
        }
        return none("no flat rate on the matter" + (in.activityDescriptionId() == null ? "" : " or the activity"));
    }

    private static Candidate matter(Inputs in, MatterCustomRate custom, List<Long> groups) {
        if (custom == null) {
            return none("the matter has no custom rate");
        }
        if (custom.type() == CustomRateType.CONTINGENCY_FEE) {
            return new Candidate(null, RateUnit.CONTINGENCY,
                    contingencyPercent(custom) == null
                            ? "contingency fee matter (percentage not available from Clio): no hourly rate"
                            : "contingency fee matter (" + contingencyPercent(custom) + " %): no hourly rate");
        }
        if (custom.type() != CustomRateType.HOURLY_RATE) {
            return none("the matter's custom rate is a flat fee");
        }
        return hourly(custom.rates(), in.userClioId(), groups, MatterRateEntry::userClioId,
                MatterRateEntry::groupClioId, MatterRateEntry::rate, e -> RateUnit.PER_HOUR, "matter rate",
                in.user() == null);
    }

    private static Candidate client(Inputs in, List<Long> groups) {
        if (in.matter().clientClioId() == null) {
            return none("the matter has no client");
        }
        return hourly(in.clientRates(), in.userClioId(), groups, ClientRateRecord::userClioId,
                ClientRateRecord::groupClioId, ClientRateRecord::rate,
                r -> r.flatRate() ? RateUnit.FLAT : RateUnit.PER_HOUR, "client rate", in.user() == null);
    }

    private static Candidate activity(Inputs in) {
        if (in.activityDescriptionId() == null) {
            return none("no activity description given");
        }
        if (in.activity() == null) {
            return none("activity description not synced");
        }
        if (in.activity().rateType() == ActivityRateType.CUSTOM && in.activity().rate() != null) {
            return new Candidate(in.activity().rate(), RateUnit.PER_HOUR,
                    "custom rate of activity description " + in.activity().name());
        }
        return none("activity description " + in.activity().name() + " has no custom hourly rate");
    }

    private static <T> Candidate hourly(List<T> lines, long userClioId, List<Long> groups,
            Function<T, Long> userOf, Function<T, Long> groupOf, Function<T, Money> rateOf,
            Function<T, RateUnit> unitOf, String what, boolean groupsUnknown) {
        for (T line : lines) {
            if (Long.valueOf(userClioId).equals(userOf.apply(line)) && rateOf.apply(line) != null) {
                return new Candidate(rateOf.apply(line), unitOf.apply(line), what + " for the user");
            }
        }
        List<T> groupLines = lines.stream()
                .filter(l -> groupOf.apply(l) != null && groups.contains(groupOf.apply(l)) && rateOf.apply(l) != null)
                .toList();
        if (!groupLines.isEmpty()) {
            T best = groupLines.stream().max(Comparator.comparing(l -> rateOf.apply(l).amount())).orElseThrow();
            return new Candidate(rateOf.apply(best), unitOf.apply(best), what + " for group " + groupOf.apply(best)
                    + (groupLines.size() > 1 ? " (highest of " + groupLines.size() + " group rates)" : ""));
        }
        for (T line : lines) {
            if (userOf.apply(line) == null && groupOf.apply(line) == null && rateOf.apply(line) != null) {
                return new Candidate(rateOf.apply(line), unitOf.apply(line), what + " for everyone");
            }
        }
        return none("no " + what + " for the user" + (groupsUnknown ? " (groups unknown: user not synced)"
                : groups.isEmpty() ? "" : ", their groups") + " or everyone");
    }

    private static <T> Optional<T> pick(List<T> lines, long userClioId, List<Long> groups, Function<T, Long> userOf,
            Function<T, Long> groupOf, Function<T, Money> rateOf) {
        Optional<T> own = lines.stream().filter(l -> Long.valueOf(userClioId).equals(userOf.apply(l))).findFirst();
        if (own.isPresent()) {
            return own;
        }
        Optional<T> group = lines.stream()
                .filter(l -> groupOf.apply(l) != null && groups.contains(groupOf.apply(l)) && rateOf.apply(l) != null)
                .max(Comparator.comparing(l -> rateOf.apply(l).amount()));
        if (group.isPresent()) {
            return group;
        }
        return lines.stream().filter(l -> userOf.apply(l) == null && groupOf.apply(l) == null).findFirst();
    }

    private static java.math.BigDecimal contingencyPercent(MatterCustomRate custom) {
        return custom.rates().stream().map(MatterRateEntry::contingencyPercent).filter(p -> p != null).findFirst()
                .orElse(null);
    }

    private static Candidate none(String why) {
        return new Candidate(null, null, why);
    }
}
