package com.caseclock.cliosandbox.seed;

import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.oauth.OAuthClient;
import com.caseclock.cliosandbox.oauth.TokenService;
import com.caseclock.cliosandbox.render.Formats;
import com.caseclock.cliosandbox.store.Json;
import com.caseclock.cliosandbox.store.Stores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a {@link Seed} through the same write services the API uses, so seeded records obey the same rules. Order:
 * users, groups, activity descriptions, contacts, client rates, matters (with custom rates), activities.
 */
public final class SeedLoader {
    private SeedLoader() {}

    public static void load(Seed seed, Stores s, TokenService tokens) {
        JsonNode root = seed.root();
        for (JsonNode c : root.path("oauth_clients")) {
            List<String> uris = new ArrayList<>();
            c.path("redirect_uris").forEach(u -> uris.add(u.asText()));
            tokens.register(new OAuthClient(c.path("client_id").asText(), c.path("client_secret").asText(), uris,
                    c.path("name").asText(null)));
        }
        s.state().locked(() -> {
            long account = 1;
            for (JsonNode f : root.path("firms")) {
                Firm firm = new Firm(f.path("key").asText(), f.path("account_id").asLong(account++), f.path("name").asText());
                firm.createdAt = f.has("created_at") ? Formats.parseTime(f.get("created_at").asText(), "created_at")
                        : s.state().now();
                JsonNode billing = f.path("billing");
                firm.billing.rounding = billing.path("rounding").asInt(0);
                firm.billing.currency = billing.path("currency").asText("USD");
                s.state().init(firm.billing);
                s.state().addFirm(firm);
                f.path("users").forEach(u -> s.users().create(firm, u));
                f.path("groups").forEach(g -> s.users().createGroup(firm, g));
                f.path("activity_descriptions").forEach(d -> s.rates().createDescription(firm, d));
                // companies first so that people can reference them
                f.path("contacts").forEach(c -> {
                    if ("Company".equals(c.path("type").asText())) s.contacts().create(firm, c);
                });
                f.path("contacts").forEach(c -> {
                    if (!"Company".equals(c.path("type").asText())) s.contacts().create(firm, c);
                });
                f.path("activity_rates").forEach(r -> s.rates().createRate(firm, r));
                f.path("matters").forEach(m -> s.matters().create(firm, m));
                f.path("activities").forEach(a -> {
                    Long user = a.has("user") ? Json.ref(a, "user") : null;
                    ObjectNode copy = ((ObjectNode) a).deepCopy();
                    boolean billed = copy.path("billed").asBoolean(false);
                    copy.remove("billed");
                    var created = s.activities().create(firm, copy, user);
                    if (billed) {
                        created.billed = true;
                        created.onBill = true;
                        created.billId = s.state().nextId();
                    }
                });
            }
        });
    }
}
