package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.model.Contact;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.render.Representations;
import com.caseclock.cliosandbox.store.Stores;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code /contacts}: list (filters {@code type}, {@code client_only}, {@code query}, {@code initial}, plus the common
 * ones; order {@code id}, {@code name}), show, create, update, delete. Source: SPEC {@code paths["/contacts.json"]}.
 */
public final class ContactsApi {
    private ContactsApi() {}

    public static void register(ApiRoutes routes, Stores s) {
        ListQuery<Contact> list = new ListQuery<Contact>(200)
                .order("name", Comparator.comparing(c -> c.displayName() == null ? "" : c.displayName()));
        routes.add("GET", "/contacts", call -> {
            Firm f = call.firm();
            return ApiResponse.ok(list.run(call, f.contacts, filter(call), c -> Representations.contact(f, c)));
        });
        routes.add("GET", "/contacts/{id}", call -> {
            Contact c = s.contacts().get(call.firm(), call.id());
            return Shows.show(call, c, Representations.contact(call.firm(), c));
        });
        routes.add("POST", "/contacts", call -> {
            Contact c = s.contacts().create(call.firm(), call.body());
            return Shows.written(call, c, Representations.contact(call.firm(), c), true);
        });
        routes.add("PATCH", "/contacts/{id}", call -> {
            Shows.checkIfMatch(call, s.contacts().get(call.firm(), call.id()));
            Contact c = s.contacts().update(call.firm(), call.id(), call.body());
            return Shows.written(call, c, Representations.contact(call.firm(), c), false);
        });
        routes.add("DELETE", "/contacts/{id}", call -> {
            s.contacts().delete(call.firm(), call.id());
            return ApiResponse.noContent();
        });
    }

    private static Predicate<Contact> filter(ApiCall call) {
        Predicate<Contact> p = c -> true;
        String type = call.param("type");
        if (type != null) {
            if (!type.equals("Person") && !type.equals("Company")) throw ApiException.badRequest("Invalid type: " + type);
            p = p.and(c -> type.equals(c.type));
        }
        if (Boolean.parseBoolean(call.param("client_only"))) p = p.and(c -> c.isClient);
        String query = call.param("query");
        if (query != null && !query.isBlank()) {
            String q = query.toLowerCase(Locale.ROOT);
            p = p.and(c -> (c.displayName() != null && c.displayName().toLowerCase(Locale.ROOT).contains(q))
                    || (c.primaryEmailAddress != null && c.primaryEmailAddress.toLowerCase(Locale.ROOT).contains(q)));
        }
        String initial = call.param("initial");
        if (initial != null && !initial.isEmpty()) {
            String i = initial.substring(0, 1).toLowerCase(Locale.ROOT);
            p = p.and(c -> {
                String key = "Person".equals(c.type) && c.lastName != null ? c.lastName : c.displayName();
                return key != null && key.toLowerCase(Locale.ROOT).startsWith(i);
            });
        }
        return p;
    }
}
