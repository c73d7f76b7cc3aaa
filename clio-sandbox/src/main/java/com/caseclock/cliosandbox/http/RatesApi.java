package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.model.ActivityDescription;
import com.caseclock.cliosandbox.model.ActivityRate;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Matter;
import com.caseclock.cliosandbox.model.User;
import com.caseclock.cliosandbox.rates.RateCalculator;
import com.caseclock.cliosandbox.rates.RateResult;
import com.caseclock.cliosandbox.render.Representations;
import com.caseclock.cliosandbox.store.Stores;
import java.util.Comparator;
import java.util.function.Predicate;

/**
 * Rates endpoints: {@code /activity_rates} (client rates; filters {@code contact_id}, {@code co_counsel_contact_id})
 * and {@code /activity_descriptions}. With {@code rate_for[matter_id]} (and optionally {@code rate_for[user_id]},
 * default the token's user) each description's {@code rate} is the rate that would apply and {@code rate.hierarchy}
 * tells which level won (SPEC {@code paths["/activity_descriptions.json"].get.parameters},
 * {@code ActivityDescriptionRate_base.hierarchy}; precedence per {@link RateCalculator}).
 */
public final class RatesApi {
    private RatesApi() {}

    public static void register(ApiRoutes routes, Stores s) {
        ListQuery<ActivityRate> rates = new ListQuery<>(200);
        ListQuery<ActivityDescription> descriptions = new ListQuery<ActivityDescription>(200)
                .order("name", Comparator.comparing(d -> d.name));
        routes.add("GET", "/activity_rates", call -> {
            Firm f = call.firm();
            Predicate<ActivityRate> p = MattersApi.<ActivityRate>idFilter(call, "contact_id", r -> r.contactId, false)
                    .and(MattersApi.idFilter(call, "co_counsel_contact_id", r -> r.coCounselContactId, false));
            return ApiResponse.ok(rates.run(call, f.activityRates, p, r -> Representations.activityRate(f, r)));
        });
        routes.add("GET", "/activity_rates/{id}", call -> {
            ActivityRate r = s.rates().getRate(call.firm(), call.id());
            return Shows.show(call, r, Representations.activityRate(call.firm(), r));
        });
        routes.add("POST", "/activity_rates", call -> {
            ActivityRate r = s.rates().createRate(call.firm(), call.body());
            return Shows.written(call, r, Representations.activityRate(call.firm(), r), true);
        });
        routes.add("PATCH", "/activity_rates/{id}", call -> {
            Shows.checkIfMatch(call, s.rates().getRate(call.firm(), call.id()));
            ActivityRate r = s.rates().updateRate(call.firm(), call.id(), call.body());
            return Shows.written(call, r, Representations.activityRate(call.firm(), r), false);
        });
        routes.add("DELETE", "/activity_rates/{id}", call -> {
            s.rates().deleteRate(call.firm(), call.id());
            return ApiResponse.noContent();
        });

        routes.add("GET", "/activity_descriptions", call -> {
            Firm f = call.firm();
            RateFor rf = rateFor(call, s);
            return ApiResponse.ok(descriptions.run(call, f.activityDescriptions, d -> true,
                    d -> Representations.activityDescription(f, d,
                            rf == null ? null : RateCalculator.resolve(f, rf.matter, rf.user, d))));
        });
        routes.add("GET", "/activity_descriptions/{id}", call -> {
            ActivityDescription d = s.rates().getDescription(call.firm(), call.id());
            RateFor rf = rateFor(call, s);
            RateResult r = rf == null ? null : RateCalculator.resolve(call.firm(), rf.matter, rf.user, d);
            return Shows.show(call, d, Representations.activityDescription(call.firm(), d, r));
        });
        routes.add("POST", "/activity_descriptions", call -> {
            ActivityDescription d = s.rates().createDescription(call.firm(), call.body());
            return Shows.written(call, d, Representations.activityDescription(call.firm(), d, null), true);
        });
        routes.add("PATCH", "/activity_descriptions/{id}", call -> {
            Shows.checkIfMatch(call, s.rates().getDescription(call.firm(), call.id()));
            ActivityDescription d = s.rates().updateDescription(call.firm(), call.id(), call.body());
            return Shows.written(call, d, Representations.activityDescription(call.firm(), d, null), false);
        });
        routes.add("DELETE", "/activity_descriptions/{id}", call -> {
            s.rates().deleteDescription(call.firm(), call.id());
            return ApiResponse.noContent();
        });
    }

    private record RateFor(Matter matter, User user) {}

    private static RateFor rateFor(ApiCall call, Stores s) {
        String matterId = call.param("rate_for[matter_id]");
        String userId = call.param("rate_for[user_id]");
        if (matterId == null && userId == null) return null;
        Matter m = matterId == null ? null : s.matters().get(call.firm(), ListQuery.parseLong(matterId, "rate_for[matter_id]"));
        User u = s.users().get(call.firm(), userId == null ? call.auth().userId() : ListQuery.parseLong(userId, "rate_for[user_id]"));
        return new RateFor(m, u);
    }
}
