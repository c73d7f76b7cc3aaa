package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.model.Activity;
import com.caseclock.cliosandbox.model.ActivityDescription;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Matter;
import com.caseclock.cliosandbox.model.User;
import com.caseclock.cliosandbox.rates.RateCalculator;
import com.caseclock.cliosandbox.rates.RateResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Activities (SPEC {@code paths["/activities.json"]}): {@code type} and {@code date} are required; a TimeEntry's
 * {@code quantity} is in seconds; {@code user} defaults to the token's user; without {@code price} the rate comes
 * from {@link RateCalculator} (https://help.clio.com/hc/en-us/articles/9289801180187-Rates-and-Rate-Hierarchies- ).
 * On update, changing the matter, user or activity description without a price re-applies the hierarchy (SPEC
 * PATCH {@code price} description). An activity that is {@code billed} refuses updates and deletion with 422
 * ([inf] per NOTES §7; in the product approved bills must be voided first —
 * https://help.clio.com/hc/en-150/articles/9285222010395-Edit-Bills ).
 */
public final class ActivityStore {
    private static final List<String> TYPES = List.of("TimeEntry", "ExpenseEntry", "HardCostEntry", "SoftCostEntry");
    private final SandboxState state;

    public ActivityStore(SandboxState state) {
        this.state = state;
    }

    public Activity get(Firm firm, long id) {
        Activity a = firm.activities.get(id);
        if (a == null) throw ApiException.notFound("Activity " + id);
        return a;
    }

    /** @param defaultUserId the token's user, used when {@code user} is absent */
    public Activity create(Firm firm, JsonNode body, Long defaultUserId) {
        JsonNode d = Json.data(body);
        String type = Json.text(d, "type");
        if (type == null || !TYPES.contains(type)) throw ApiException.unprocessable("Type is invalid");
        if (Json.text(d, "date") == null) throw ApiException.unprocessable("Date can't be blank");
        Activity a = new Activity();
        if (d.has("id")) a.id = d.get("id").asLong();
        a.type = type;
        a.userId = defaultUserId;
        applyFields(firm, a, d);
        if (a.userId == null) throw ApiException.unprocessable("User can't be blank");
        if (d.has("price") && !d.get("price").isNull()) {
            a.price = Json.decimal(d, "price");
            a.rateSource = "Custom";
        } else if ("TimeEntry".equals(type)) {
            applyHierarchy(firm, a);
        }
        state.init(a);
        if (d.has("created_at")) a.createdAt = com.caseclock.cliosandbox.render.Formats.parseTime(Json.text(d, "created_at"), "created_at");
        if (d.has("updated_at")) a.updatedAt = com.caseclock.cliosandbox.render.Formats.parseTime(Json.text(d, "updated_at"), "updated_at");
        firm.activities.put(a.id, a);
        Changes.created(state, firm, "activity", a);
        return a;
    }

    public Activity update(Firm firm, long id, JsonNode body) {
        JsonNode d = Json.data(body);
        Activity a = get(firm, id);
        refuseIfBilled(a);
        return Changes.update(state, firm, "activity", a, x -> {
            Long matter = x.matterId, user = x.userId, desc = x.activityDescriptionId;
            applyFields(firm, x, d);
            boolean relinked = !java.util.Objects.equals(matter, x.matterId) || !java.util.Objects.equals(user, x.userId)
                    || !java.util.Objects.equals(desc, x.activityDescriptionId);
            if (d.has("price") && !d.get("price").isNull()) {
                x.price = Json.decimal(d, "price");
                x.rateSource = "Custom";
                x.flatRate = false;
            } else if (relinked && "TimeEntry".equals(x.type)) {
                applyHierarchy(firm, x);
            }
        });
    }

    public void delete(Firm firm, long id) {
        Activity a = get(firm, id);
        refuseIfBilled(a);
        Changes.deleted(state, firm, "activity", a);
        firm.activities.remove(id);
    }

    /** Puts the activity on a bill ({@code billed=true}, {@code on_bill=true}); later writes are refused. */
    public Activity markBilled(Firm firm, long id, long billId) {
        Activity a = get(firm, id);
        return Changes.update(state, firm, "activity", a, x -> {
            x.billed = true;
            x.onBill = true;
            x.billId = billId;
        });
    }

    private static void refuseIfBilled(Activity a) {
        if (a.billed) {
            throw ApiException.unprocessable("Activity is on an approved bill and cannot be changed; void the bill first");
        }
    }

    private void applyHierarchy(Firm firm, Activity a) {
        Matter m = a.matterId == null ? null : firm.matters.get(a.matterId);
        User u = a.userId == null ? null : firm.users.get(a.userId);
        ActivityDescription ad = a.activityDescriptionId == null ? null : firm.activityDescriptions.get(a.activityDescriptionId);
        RateResult r = RateCalculator.resolve(firm, m, u, ad);
        a.price = r.amount() == null ? BigDecimal.ZERO : r.amount();
        a.flatRate = r.flat();
        a.rateSource = r.hierarchy();
    }

    private void applyFields(Firm firm, Activity a, JsonNode d) {
        if (d.has("date")) a.date = Json.date(d, "date");
        if (d.has("quantity")) {
            BigDecimal q = Json.decimal(d, "quantity");
            if (q != null && q.signum() < 0) throw ApiException.unprocessable("Quantity must be positive");
            a.quantity = q == null ? BigDecimal.ZERO : q;
        }
        if (d.has("note")) a.note = Json.text(d, "note");
        if (d.has("reference")) a.reference = Json.text(d, "reference");
        if (d.has("non_billable")) a.nonBillable = Boolean.TRUE.equals(Json.bool(d, "non_billable"));
        if (d.has("no_charge")) a.noCharge = Boolean.TRUE.equals(Json.bool(d, "no_charge"));
        if (d.has("matter")) {
            Long mid = Json.ref(d, "matter");
            if (mid == null) throw ApiException.unprocessable("The keyword null is not valid for matter");
            if (!firm.matters.containsKey(mid)) throw ApiException.notFound("Matter " + mid);
            a.matterId = mid;
        }
        if (d.has("user")) {
            Long uid = Json.ref(d, "user");
            if (uid == null || !firm.users.containsKey(uid)) throw ApiException.notFound("User " + uid);
            a.userId = uid;
        }
        if (d.has("activity_description")) {
            Long adid = Json.ref(d, "activity_description");
            if (adid != null && !firm.activityDescriptions.containsKey(adid)) {
                throw ApiException.notFound("ActivityDescription " + adid);
            }
            a.activityDescriptionId = adid;
        }
    }
}
