package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Group;
import com.caseclock.cliosandbox.model.User;
import com.caseclock.cliosandbox.render.Representations;
import com.caseclock.cliosandbox.store.Stores;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code /users/who_am_i} (the token's user), {@code /users} (read-only; {@code limit} up to 2000; filters
 * {@code enabled}, {@code name}, {@code subscription_type}), {@code /groups} and {@code /settings/billing}.
 * Source: SPEC {@code paths["/users/who_am_i.json"]}, {@code paths["/users.json"]}, {@code paths["/groups.json"]},
 * {@code paths["/settings/billing.json"]}.
 */
public final class UsersApi {
    private UsersApi() {}

    public static void register(ApiRoutes routes, Stores s) {
        ListQuery<User> users = new ListQuery<User>(2000).order("name", Comparator.comparing(User::name));
        ListQuery<Group> groups = new ListQuery<Group>(200).order("name", Comparator.comparing(g -> g.name));
        routes.add("GET", "/users/who_am_i", call -> {
            User u = s.users().get(call.firm(), call.auth().userId());
            return Shows.show(call, u, Representations.user(call.firm(), u));
        });
        routes.add("GET", "/users", call -> {
            Firm f = call.firm();
            return ApiResponse.ok(users.run(call, f.users, userFilter(call), u -> Representations.user(f, u)));
        });
        routes.add("GET", "/users/{id}", call -> {
            User u = s.users().get(call.firm(), call.id());
            return Shows.show(call, u, Representations.user(call.firm(), u));
        });
        routes.add("GET", "/groups", call -> {
            Firm f = call.firm();
            Predicate<Group> p = g -> true;
            String type = call.param("type");
            if (type != null) p = g -> type.equals(g.type);
            return ApiResponse.ok(groups.run(call, f.groups, p, g -> Representations.group(f, g)));
        });
        routes.add("GET", "/groups/{id}", call -> {
            Group g = call.firm().groups.get(call.id());
            if (g == null) throw ApiException.notFound("Group " + call.id());
            return Shows.show(call, g, Representations.group(call.firm(), g));
        });
        routes.add("GET", "/settings/billing", call -> {
            Firm f = call.firm();
            if (f.billing.id == 0) s.state().init(f.billing);
            return Shows.show(call, f.billing, Representations.billingSettings(f.billing));
        });
    }

    private static Predicate<User> userFilter(ApiCall call) {
        Predicate<User> p = u -> true;
        String enabled = call.param("enabled");
        if (enabled != null) {
            boolean e = Boolean.parseBoolean(enabled);
            p = p.and(u -> u.enabled == e);
        }
        String name = call.param("name");
        if (name != null) {
            String n = name.toLowerCase(Locale.ROOT);
            p = p.and(u -> u.name().toLowerCase(Locale.ROOT).contains(n));
        }
        String sub = call.param("subscription_type");
        if (sub != null) p = p.and(u -> sub.equals(u.subscriptionType));
        return p;
    }
}
