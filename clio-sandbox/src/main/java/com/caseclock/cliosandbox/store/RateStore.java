package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.model.ActivityDescription;
import com.caseclock.cliosandbox.model.ActivityRate;
import com.caseclock.cliosandbox.model.Firm;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Client rates ({@code /activity_rates.json}, SPEC {@code components.schemas.ActivityRate}) and activity descriptions
 * with rates ({@code /activity_descriptions.json}, SPEC {@code ActivityDescriptionRate_base}). Besides the spec's
 * request fields, client rates accept {@code user{id}} or {@code group{id}} (the response carries them; the request
 * schema omits them — NOTES §8 "Spec gap").
 */
public final class RateStore {
    private final SandboxState state;

    public RateStore(SandboxState state) {
        this.state = state;
    }

    public ActivityRate getRate(Firm firm, long id) {
        ActivityRate r = firm.activityRates.get(id);
        if (r == null) throw ApiException.notFound("ActivityRate " + id);
        return r;
    }

    public ActivityRate createRate(Firm firm, JsonNode body) {
        JsonNode d = Json.data(body);
        ActivityRate r = new ActivityRate();
        if (d.has("id")) r.id = d.get("id").asLong();
        applyRate(firm, r, d);
        if (r.contactId == null && r.coCounselContactId == null) throw ApiException.unprocessable("Contact can't be blank");
        if (r.rate == null) throw ApiException.unprocessable("Rate can't be blank");
        state.init(r);
        firm.activityRates.put(r.id, r);
        return r;
    }

    public ActivityRate updateRate(Firm firm, long id, JsonNode body) {
        JsonNode d = Json.data(body);
        ActivityRate r = getRate(firm, id);
        applyRate(firm, r, d);
        r.touch(state.now());
        return r;
    }

    public void deleteRate(Firm firm, long id) {
        getRate(firm, id);
        firm.activityRates.remove(id);
    }

    private void applyRate(Firm firm, ActivityRate r, JsonNode d) {
        if (d.has("contact_id") || d.has("contact")) {
            Long cid = d.has("contact_id") ? Json.ref(d, "contact_id") : Json.ref(d, "contact");
            if (cid == null || !firm.contacts.containsKey(cid)) throw ApiException.notFound("Contact " + cid);
            r.contactId = cid;
        }
        if (d.has("co_counsel_contact_id")) r.coCounselContactId = Json.ref(d, "co_counsel_contact_id");
        if (d.has("rate")) r.rate = Json.decimal(d, "rate");
        if (d.has("flat_rate")) r.flatRate = Boolean.TRUE.equals(Json.bool(d, "flat_rate"));
        if (d.has("user")) {
            Long uid = Json.ref(d, "user");
            if (uid != null && !firm.users.containsKey(uid)) throw ApiException.notFound("User " + uid);
            r.userId = uid;
        }
        if (d.has("group")) {
            Long gid = Json.ref(d, "group");
            if (gid != null && !firm.groups.containsKey(gid)) throw ApiException.notFound("Group " + gid);
            r.groupId = gid;
        }
    }

    public ActivityDescription getDescription(Firm firm, long id) {
        ActivityDescription a = firm.activityDescriptions.get(id);
        if (a == null) throw ApiException.notFound("ActivityDescription " + id);
        return a;
    }

    public ActivityDescription createDescription(Firm firm, JsonNode body) {
        JsonNode d = Json.data(body);
        if (Json.text(d, "name") == null) throw ApiException.unprocessable("Name can't be blank");
        ActivityDescription a = new ActivityDescription();
        if (d.has("id")) a.id = d.get("id").asLong();
        applyDescription(a, d);
        state.init(a);
        firm.activityDescriptions.put(a.id, a);
        return a;
    }

    public ActivityDescription updateDescription(Firm firm, long id, JsonNode body) {
        ActivityDescription a = getDescription(firm, id);
        applyDescription(a, Json.data(body));
        a.touch(state.now());
        return a;
    }

    public void deleteDescription(Firm firm, long id) {
        getDescription(firm, id);
        firm.activityDescriptions.remove(id);
    }

    private static void applyDescription(ActivityDescription a, JsonNode d) {
        if (d.has("name")) a.name = Json.text(d, "name");
        if (d.has("default")) a.isDefault = Boolean.TRUE.equals(Json.bool(d, "default"));
        if (d.has("visible_to_co_counsel")) a.visibleToCoCounsel = Boolean.TRUE.equals(Json.bool(d, "visible_to_co_counsel"));
        JsonNode rate = d.get("rate");
        if (rate != null && rate.isObject()) {
            String type = Json.text(rate, "type");
            if (type != null) {
                if (!List.of("User", "FlatRate", "Custom").contains(type)) throw ApiException.unprocessable("Rate type is invalid");
                a.rateType = type;
            }
            if (rate.has("amount")) a.amount = Json.decimal(rate, "amount");
            if (rate.has("non_billable_amount")) a.nonBillableAmount = Json.decimal(rate, "non_billable_amount");
        }
    }
}
