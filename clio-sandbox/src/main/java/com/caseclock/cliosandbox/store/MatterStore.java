package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.model.Contact;
import com.caseclock.cliosandbox.model.CustomRate;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Matter;
import com.caseclock.cliosandbox.model.MatterStatus;
import com.caseclock.cliosandbox.render.Formats;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Create/update/delete of matters from a Clio write body (SPEC {@code paths["/matters.json"].post}: requires
 * {@code description} and {@code client{id}}; write-side {@code status} is lower case). Custom rates are written via
 * nested {@code custom_rate.rates[]}: an {@code id} updates, no {@code id} creates, {@code _destroy: true} deletes;
 * changing {@code custom_rate.type} deletes the stored rates (SPEC tag "Matters", "Custom Rates"; examples in
 * {@code shared/clio/examples/matter-patch.custom_rate.*.json}). Deleting a matter also deletes its activities [inf].
 */
public final class MatterStore {
    private final SandboxState state;

    public MatterStore(SandboxState state) {
        this.state = state;
    }

    public Matter get(Firm firm, long id) {
        Matter m = firm.matters.get(id);
        if (m == null) throw ApiException.notFound("Matter " + id);
        return m;
    }

    public Matter create(Firm firm, JsonNode body) {
        JsonNode d = Json.data(body);
        if (Json.text(d, "description") == null) throw ApiException.unprocessable("Description can't be blank");
        Long clientId = Json.ref(d, "client");
        if (clientId == null) throw ApiException.unprocessable("Client can't be blank");
        Matter m = new Matter();
        if (d.has("id")) m.id = d.get("id").asLong();
        m.number = d.has("number") ? d.get("number").asInt() : firm.nextMatterNumber;
        firm.nextMatterNumber = Math.max(firm.nextMatterNumber, m.number + 1);
        m.openDate = LocalDate.ofInstant(state.now(), ZoneOffset.UTC);
        apply(firm, m, d);
        if (m.displayNumber == null) m.displayNumber = defaultDisplayNumber(firm, m);
        state.init(m);
        if (d.has("created_at")) m.createdAt = Formats.parseTime(Json.text(d, "created_at"), "created_at");
        if (d.has("updated_at")) m.updatedAt = Formats.parseTime(Json.text(d, "updated_at"), "updated_at");
        for (CustomRate r : m.customRate.rates) {
            r.createdAt = m.createdAt;
            r.updatedAt = m.updatedAt;
        }
        firm.matters.put(m.id, m);
        Changes.created(state, firm, "matter", m);
        return m;
    }

    public Matter update(Firm firm, long id, JsonNode body) {
        JsonNode d = Json.data(body);
        Matter m = get(firm, id);
        return Changes.update(state, firm, "matter", m, x -> {
            apply(firm, x, d);
            if (Boolean.TRUE.equals(Json.bool(d, "reset_matter_number")) || (d.has("client") && !d.has("display_number"))) {
                x.displayNumber = defaultDisplayNumber(firm, x);
            }
        });
    }

    public void delete(Firm firm, long id) {
        Matter m = get(firm, id);
        if (firm.activities.values().stream().anyMatch(a -> a.matterId != null && a.matterId == id && a.billed)) {
            throw new ApiException(403, "Forbidden", "Matter has billed activities and cannot be deleted");
        }
        Changes.deleted(state, firm, "matter", m);
        firm.matters.remove(id);
        firm.activities.values().removeIf(a -> a.matterId != null && a.matterId == id);
    }

    private String defaultDisplayNumber(Firm firm, Matter m) {
        Contact c = m.clientId == null ? null : firm.contacts.get(m.clientId);
        String suffix = c == null ? "" : "-" + ("Person".equals(c.type) && c.lastName != null ? c.lastName : c.displayName());
        return String.format("%05d", m.number) + suffix;
    }

    private void apply(Firm firm, Matter m, JsonNode d) {
        if (d.has("description")) m.description = Json.text(d, "description");
        if (d.has("client")) {
            Long clientId = Json.ref(d, "client");
            if (clientId == null) throw ApiException.unprocessable("Client can't be blank");
            if (!firm.contacts.containsKey(clientId)) throw ApiException.notFound("Contact " + clientId);
            m.clientId = clientId;
        }
        if (d.has("display_number")) m.displayNumber = Json.text(d, "display_number");
        if (d.has("custom_number")) m.customNumber = Json.text(d, "custom_number");
        if (d.has("location")) m.location = Json.text(d, "location");
        if (d.has("client_reference")) m.clientReference = Json.text(d, "client_reference");
        if (d.has("billable")) m.billable = Boolean.TRUE.equals(Json.bool(d, "billable"));
        if (d.has("billing_method")) {
            String bm = Json.text(d, "billing_method");
            if (!List.of("hourly", "flat", "contingency").contains(bm)) throw ApiException.unprocessable("Billing method is invalid");
            m.billingMethod = bm;
        }
        if (d.has("open_date")) m.openDate = Json.date(d, "open_date");
        if (d.has("close_date")) m.closeDate = Json.date(d, "close_date");
        if (d.has("pending_date")) m.pendingDate = Json.date(d, "pending_date");
        if (d.has("status")) {
            MatterStatus s = MatterStatus.fromRequest(Json.text(d, "status"));
            if (s == null) throw ApiException.unprocessable("Status is invalid (expected open, pending or closed)");
            LocalDate today = LocalDate.ofInstant(state.now(), ZoneOffset.UTC);
            if (s == MatterStatus.CLOSED && m.closeDate == null) m.closeDate = today;
            if (s == MatterStatus.PENDING && m.pendingDate == null) m.pendingDate = today;
            if (s != MatterStatus.CLOSED && m.status == MatterStatus.CLOSED && !d.has("close_date")) m.closeDate = null;
            m.status = s;
        }
        for (String f : List.of("responsible_attorney", "originating_attorney", "responsible_staff")) {
            if (d.has(f)) {
                Long uid = Json.ref(d, f);
                if (uid != null && !firm.users.containsKey(uid)) throw ApiException.notFound("User " + uid);
                switch (f) {
                    case "responsible_attorney" -> m.responsibleAttorneyId = uid;
                    case "originating_attorney" -> m.originatingAttorneyId = uid;
                    default -> m.responsibleStaffId = uid;
                }
            }
        }
        if (d.has("group")) {
            Long gid = Json.ref(d, "group");
            if (gid != null && !firm.groups.containsKey(gid)) throw ApiException.notFound("Group " + gid);
            m.groupId = gid;
        }
        if (d.has("custom_rate")) applyCustomRate(firm, m, d.get("custom_rate"));
    }

    private void applyCustomRate(Firm firm, Matter m, JsonNode cr) {
        if (cr == null || !cr.isObject()) throw ApiException.unprocessable("custom_rate must be an object");
        String type = Json.text(cr, "type");
        if (type != null) {
            if (!List.of("HourlyRate", "FlatRate", "ContingencyFee").contains(type)) {
                throw ApiException.unprocessable("Custom rate type is invalid");
            }
            if (!type.equals(m.customRate.type)) m.customRate.rates.clear();
            m.customRate.type = type;
            m.billingMethod = switch (type) {
                case "FlatRate" -> "flat";
                case "ContingencyFee" -> "contingency";
                default -> "hourly";
            };
        }
        if (cr.has("on_invoice")) m.customRate.onInvoice = Boolean.TRUE.equals(Json.bool(cr, "on_invoice"));
        JsonNode rates = cr.get("rates");
        if (rates == null || !rates.isArray()) return;
        for (JsonNode r : rates) {
            Long id = r.has("id") && !r.get("id").isNull() ? r.get("id").asLong() : null;
            CustomRate existing = id == null ? null
                    : m.customRate.rates.stream().filter(x -> x.id == id).findFirst().orElse(null);
            if (Boolean.TRUE.equals(Json.bool(r, "_destroy"))) {
                if (existing != null) m.customRate.rates.remove(existing);
                continue;
            }
            CustomRate target = existing;
            if (target == null) {
                target = new CustomRate();
                if (id != null && firm.matters.values().stream()
                        .noneMatch(x -> x.customRate.rates.stream().anyMatch(y -> y.id == id))) {
                    target.id = id; // seeds and Clio's examples may name the id of a rate that does not exist yet
                }
                state.init(target);
                m.customRate.rates.add(target);
            } else {
                target.touch(state.now());
            }
            if (r.has("rate")) target.rate = Json.decimal(r, "rate");
            if (r.has("user")) target.userId = checkedUser(firm, Json.ref(r, "user"));
            if (r.has("group")) target.groupId = checkedGroup(firm, Json.ref(r, "group"));
            if (r.has("activity_description")) target.activityDescriptionId = Json.ref(r, "activity_description");
            if (r.has("note")) target.note = Json.text(r, "note");
            if (target.rate == null) throw ApiException.unprocessable("Rate can't be blank");
        }
        if ("FlatRate".equals(m.customRate.type) && m.customRate.rates.size() > 1) {
            throw ApiException.unprocessable("A flat rate matter can only have one rate");
        }
    }

    private static Long checkedUser(Firm firm, Long id) {
        if (id != null && !firm.users.containsKey(id)) throw ApiException.notFound("User " + id);
        return id;
    }

    private static Long checkedGroup(Firm firm, Long id) {
        if (id != null && !firm.groups.containsKey(id)) throw ApiException.notFound("Group " + id);
        return id;
    }
}
