package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Group;
import com.caseclock.cliosandbox.model.User;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Users and groups. Read-only through Clio's API (SPEC {@code paths["/users.json"]} has GET only); the sandbox changes
 * them through its admin API as Clio's own UI would.
 */
public final class UserStore {
    private final SandboxState state;

    public UserStore(SandboxState state) {
        this.state = state;
    }

    public User get(Firm firm, long id) {
        User u = firm.users.get(id);
        if (u == null) throw ApiException.notFound("User " + id);
        return u;
    }

    public User create(Firm firm, JsonNode body) {
        JsonNode d = Json.data(body);
        User u = new User();
        if (d.has("id")) u.id = d.get("id").asLong();
        apply(u, d);
        if (u.firstName == null && u.lastName == null) throw ApiException.unprocessable("Name can't be blank");
        state.init(u);
        firm.users.put(u.id, u);
        return u;
    }

    public User update(Firm firm, long id, JsonNode body) {
        User u = get(firm, id);
        apply(u, Json.data(body));
        u.touch(state.now());
        return u;
    }

    private static void apply(User u, JsonNode d) {
        if (d.has("first_name")) u.firstName = Json.text(d, "first_name");
        if (d.has("last_name")) u.lastName = Json.text(d, "last_name");
        if (d.has("name") && !d.has("first_name") && !d.has("last_name")) {
            String[] p = Json.text(d, "name").trim().split("\\s+", 2);
            u.firstName = p[0];
            u.lastName = p.length > 1 ? p[1] : null;
        }
        if (d.has("email")) u.email = Json.text(d, "email");
        if (d.has("rate")) u.rate = Json.decimal(d, "rate");
        if (d.has("enabled")) u.enabled = Boolean.TRUE.equals(Json.bool(d, "enabled"));
        if (d.has("account_owner")) u.accountOwner = Boolean.TRUE.equals(Json.bool(d, "account_owner"));
        if (d.has("subscription_type")) u.subscriptionType = Json.text(d, "subscription_type");
        if (d.has("time_zone")) u.timeZone = Json.text(d, "time_zone");
        if (d.has("roles") && d.get("roles").isArray()) {
            u.roles.clear();
            d.get("roles").forEach(r -> u.roles.add(r.asText()));
        }
    }

    public Group createGroup(Firm firm, JsonNode body) {
        JsonNode d = Json.data(body);
        Group g = new Group();
        if (d.has("id")) g.id = d.get("id").asLong();
        g.name = Json.text(d, "name");
        if (g.name == null) throw ApiException.unprocessable("Name can't be blank");
        if (d.has("type")) g.type = Json.text(d, "type");
        JsonNode users = d.get("users");
        if (users != null && users.isArray()) {
            for (JsonNode u : users) {
                long uid = u.isObject() ? u.get("id").asLong() : u.asLong();
                get(firm, uid);
                g.userIds.add(uid);
            }
        }
        state.init(g);
        firm.groups.put(g.id, g);
        return g;
    }

    /** Sets the firm's time-rounding increment in minutes (SPEC {@code BillingSetting.rounding}). */
    public void setRounding(Firm firm, int minutes) {
        if (minutes < 0) throw ApiException.unprocessable("rounding must be >= 0");
        firm.billing.rounding = minutes;
        firm.billing.touch(state.now());
    }
}
