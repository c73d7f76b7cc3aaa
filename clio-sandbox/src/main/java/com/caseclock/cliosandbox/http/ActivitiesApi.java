package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.model.Activity;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.render.Formats;
import com.caseclock.cliosandbox.render.Representations;
import com.caseclock.cliosandbox.store.Stores;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code /activities}: list (filters {@code type}, {@code matter_id}, {@code user_id}, {@code activity_description_id},
 * {@code start_date}/{@code end_date} on {@code date}, {@code status} ∈ billed, unbilled, draft, billable,
 * non_billable, flat_rate; {@code query} on {@code note}), show, create (201), update, delete (204).
 * Source: SPEC {@code paths["/activities.json"]}, {@code paths["/activities/{id}.json"]}.
 */
public final class ActivitiesApi {
    private ActivitiesApi() {}

    public static void register(ApiRoutes routes, Stores s) {
        ListQuery<Activity> list = new ListQuery<Activity>(200)
                .order("date", Comparator.comparing(a -> a.date, Comparator.nullsFirst(Comparator.naturalOrder())))
                .order("price", Comparator.comparing(a -> a.price));
        routes.add("GET", "/activities", call -> {
            Firm f = call.firm();
            return ApiResponse.ok(list.run(call, f.activities, filter(call), a -> Representations.activity(f, a)));
        });
        routes.add("GET", "/activities/{id}", call -> {
            Activity a = s.activities().get(call.firm(), call.id());
            return Shows.show(call, a, Representations.activity(call.firm(), a));
        });
        routes.add("POST", "/activities", call -> {
            Activity a = s.activities().create(call.firm(), call.body(), call.auth().userId());
            return Shows.written(call, a, Representations.activity(call.firm(), a), true);
        });
        routes.add("PATCH", "/activities/{id}", call -> {
            Shows.checkIfMatch(call, s.activities().get(call.firm(), call.id()));
            Activity a = s.activities().update(call.firm(), call.id(), call.body());
            return Shows.written(call, a, Representations.activity(call.firm(), a), false);
        });
        routes.add("DELETE", "/activities/{id}", call -> {
            s.activities().delete(call.firm(), call.id());
            return ApiResponse.noContent();
        });
    }

    private static Predicate<Activity> filter(ApiCall call) {
        Predicate<Activity> p = a -> true;
        String type = call.param("type");
        if (type != null) p = p.and(a -> type.equals(a.type));
        p = p.and(MattersApi.idFilter(call, "matter_id", a -> a.matterId, true));
        p = p.and(MattersApi.idFilter(call, "user_id", a -> a.userId, false));
        p = p.and(MattersApi.idFilter(call, "activity_description_id", a -> a.activityDescriptionId, true));
        LocalDate start = Formats.parseDate(call.param("start_date"), "start_date");
        LocalDate end = Formats.parseDate(call.param("end_date"), "end_date");
        if (start != null) p = p.and(a -> a.date != null && !a.date.isBefore(start));
        if (end != null) p = p.and(a -> a.date != null && !a.date.isAfter(end));
        String status = call.param("status");
        if (status != null) {
            Predicate<Activity> sp = switch (status) {
                case "billed" -> a -> a.billed;
                case "unbilled" -> a -> !a.onBill && !a.nonBillable;
                case "draft" -> a -> a.onBill && !a.billed;
                case "billable" -> a -> !a.nonBillable;
                case "non_billable" -> a -> a.nonBillable;
                case "flat_rate" -> a -> a.flatRate;
                case "written_off" -> a -> false;
                default -> throw ApiException.badRequest("Invalid status: " + status);
            };
            p = p.and(sp);
        }
        String query = call.param("query");
        if (query != null && !query.isBlank()) {
            String q = query.toLowerCase(Locale.ROOT);
            p = p.and(a -> a.note != null && a.note.toLowerCase(Locale.ROOT).contains(q));
        }
        return p;
    }
}
