package com.caseclock.cliosandbox.render;

import static com.caseclock.cliosandbox.render.Formats.date;
import static com.caseclock.cliosandbox.render.Formats.number;
import static com.caseclock.cliosandbox.render.Formats.time;

import com.caseclock.cliosandbox.model.Activity;
import com.caseclock.cliosandbox.model.ActivityDescription;
import com.caseclock.cliosandbox.model.ActivityRate;
import com.caseclock.cliosandbox.model.BillingSettings;
import com.caseclock.cliosandbox.model.Contact;
import com.caseclock.cliosandbox.model.CustomRate;
import com.caseclock.cliosandbox.model.Entity;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Group;
import com.caseclock.cliosandbox.model.Matter;
import com.caseclock.cliosandbox.model.User;
import com.caseclock.cliosandbox.model.Webhook;
import com.caseclock.cliosandbox.rates.RateResult;
import com.caseclock.cliosandbox.rates.TimeRounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders model records with the field names and casing of Clio's OpenAPI document (SPEC
 * {@code components.schemas.*_base} and their nested resources). Call under the state lock.
 */
public final class Representations {
    private Representations() {}

    private static Rendered base(Entity e) {
        return new Rendered().with("id", e.id).with("etag", e.etag())
                .with("created_at", time(e.createdAt)).with("updated_at", time(e.updatedAt));
    }

    /** SPEC {@code Matter_base} + nested client, attorneys, group, custom_rate. */
    public static Rendered matter(Firm firm, Matter m) {
        Rendered r = base(m)
                .with("number", m.number)
                .with("display_number", m.displayNumber)
                .with("custom_number", m.customNumber)
                .with("description", m.description)
                .with("status", m.status.responseValue())
                .with("location", m.location)
                .with("client_reference", m.clientReference)
                .with("client_id", m.clientId)
                .with("billable", m.billable)
                .with("billing_method", m.billingMethod)
                .with("open_date", date(m.openDate))
                .with("close_date", date(m.closeDate))
                .with("pending_date", date(m.pendingDate))
                .with("shared", false)
                .with("has_tasks", false)
                .with("last_activity_date", date(lastActivityDate(firm, m)))
                .with("maildrop_address", "matter-" + m.id + "@maildrop.sandbox.invalid")
                .with("matter_stage_updated_at", null);
        r.put("client", Nested.of(() -> contactOrNull(firm, m.clientId)));
        r.put("responsible_attorney", Nested.of(() -> userOrNull(firm, m.responsibleAttorneyId)));
        r.put("originating_attorney", Nested.of(() -> userOrNull(firm, m.originatingAttorneyId)));
        r.put("responsible_staff", Nested.of(() -> userOrNull(firm, m.responsibleStaffId)));
        r.put("user", Nested.of(() -> userOrNull(firm, m.responsibleAttorneyId)));
        r.put("group", Nested.of(() -> m.groupId == null || firm.groups.get(m.groupId) == null ? null
                : group(firm, firm.groups.get(m.groupId))));
        r.put("practice_area", Nested.of(() -> null));
        r.put("custom_rate", Nested.of(() -> customRate(firm, m)));
        r.put("custom_field_values", Nested.of(List::of)); // custom fields are not simulated
        return r;
    }

    private static java.time.LocalDate lastActivityDate(Firm firm, Matter m) {
        java.time.LocalDate last = null;
        for (Activity a : firm.activities.values()) {
            if (a.matterId != null && a.matterId == m.id && a.date != null && (last == null || a.date.isAfter(last))) {
                last = a.date;
            }
        }
        return last;
    }

    /** SPEC {@code MatterCustomRate}. */
    public static Rendered customRate(Firm firm, Matter m) {
        Rendered r = new Rendered().with("type", m.customRate.type).with("on_invoice", m.customRate.onInvoice);
        r.put("rates", Nested.of(() -> {
            List<Rendered> list = new ArrayList<>();
            for (CustomRate cr : m.customRate.rates) list.add(customRateEntry(firm, cr));
            return list;
        }));
        return r;
    }

    private static Rendered customRateEntry(Firm firm, CustomRate cr) {
        Rendered r = base(cr).with("rate", number(cr.rate)).with("award", null).with("note", cr.note).with("date", null);
        r.put("user", Nested.of(() -> {
            User u = cr.userId == null ? null : firm.users.get(cr.userId);
            return u == null ? null : new Rendered().with("id", u.id).with("etag", u.etag())
                    .with("name", u.name()).with("enabled", u.enabled);
        }));
        r.put("group", Nested.of(() -> {
            Group g = cr.groupId == null ? null : firm.groups.get(cr.groupId);
            return g == null ? null : new Rendered().with("id", g.id).with("etag", g.etag()).with("name", g.name);
        }));
        r.put("activity_description", Nested.of(() -> cr.activityDescriptionId == null
                || firm.activityDescriptions.get(cr.activityDescriptionId) == null ? null
                : activityDescription(firm, firm.activityDescriptions.get(cr.activityDescriptionId), null)));
        return r;
    }

    private static Rendered contactOrNull(Firm firm, Long id) {
        Contact c = id == null ? null : firm.contacts.get(id);
        return c == null ? null : contact(firm, c);
    }

    private static Rendered userOrNull(Firm firm, Long id) {
        User u = id == null ? null : firm.users.get(id);
        return u == null ? null : user(firm, u);
    }

    /** SPEC {@code Contact_base} + nested company, activity_rates, emails, phones, addresses. */
    public static Rendered contact(Firm firm, Contact c) {
        boolean person = "Person".equals(c.type);
        Rendered r = base(c)
                .with("name", c.displayName())
                .with("first_name", person ? c.firstName : null)
                .with("middle_name", person ? c.middleName : null)
                .with("last_name", person ? c.lastName : null)
                .with("date_of_birth", date(c.dateOfBirth))
                .with("type", c.type)
                .with("prefix", c.prefix)
                .with("title", c.title)
                .with("initials", person ? c.initials() : null)
                .with("clio_connect_email", null)
                .with("locked_clio_connect_email", false)
                .with("client_connect_user_id", null)
                .with("primary_email_address", c.primaryEmailAddress)
                .with("secondary_email_address", null)
                .with("primary_phone_number", c.primaryPhoneNumber)
                .with("secondary_phone_number", null)
                .with("ledes_client_id", null)
                .with("has_clio_for_clients_permission", false)
                .with("is_client", c.isClient)
                .with("is_clio_for_client_user", false)
                .with("is_co_counsel", c.isCoCounsel)
                .with("is_bill_recipient", c.isClient)
                .with("sales_tax_number", null);
        r.put("company", Nested.of(() -> c.companyId == null ? null : contactOrNull(firm, c.companyId)));
        r.put("activity_rates", Nested.of(() -> {
            List<Rendered> list = new ArrayList<>();
            for (ActivityRate ar : firm.activityRates.values()) {
                if (ar.contactId != null && ar.contactId == c.id) list.add(activityRate(firm, ar));
            }
            return list;
        }));
        r.put("email_addresses", Nested.of(() -> c.primaryEmailAddress == null ? List.of()
                : List.of(new Rendered().with("id", c.id * 10 + 1).with("etag", c.etag())
                        .with("address", c.primaryEmailAddress).with("name", "Work").with("primary", true))));
        r.put("phone_numbers", Nested.of(() -> c.primaryPhoneNumber == null ? List.of()
                : List.of(new Rendered().with("id", c.id * 10 + 2).with("etag", c.etag())
                        .with("number", c.primaryPhoneNumber).with("name", "Work").with("primary", true))));
        r.put("addresses", Nested.of(List::of));
        r.put("web_sites", Nested.of(List::of));
        r.put("instant_messengers", Nested.of(List::of));
        r.put("custom_field_values", Nested.of(List::of)); // custom fields are not simulated
        return r;
    }

    /** SPEC {@code Client} (GET /matters/{id}/client.json). */
    public static Rendered client(Firm firm, Contact c) {
        Rendered full = contact(firm, c);
        Rendered r = new Rendered();
        for (String k : List.of("id", "name", "first_name", "middle_name", "last_name", "type", "created_at", "updated_at",
                "prefix", "title", "initials", "primary_email_address", "primary_phone_number", "client_connect_user_id",
                "date_of_birth", "company", "email_addresses", "phone_numbers", "addresses")) {
            r.put(k, full.get(k));
        }
        r.put("etag", c.etag());
        r.put("is_matter_client", true);
        return r;
    }

    /** SPEC {@code User_base} + nested account, groups. */
    public static Rendered user(Firm firm, User u) {
        Rendered r = base(u)
                .with("account_owner", u.accountOwner)
                .with("clio_connect", false)
                .with("court_rules_default_attendee", false)
                .with("default_calendar_id", u.id * 10)
                .with("email", u.email)
                .with("enabled", u.enabled)
                .with("first_name", u.firstName)
                .with("initials", u.initials())
                .with("last_name", u.lastName)
                .with("name", u.name())
                .with("phone_number", null)
                .with("rate", number(u.rate))
                .with("roles", List.copyOf(u.roles))
                .with("subscription_type", u.subscriptionType)
                .with("time_zone", u.timeZone);
        r.put("account", Nested.of(() -> new Rendered().with("id", firm.accountId)
                .with("etag", '"' + Long.toHexString(firm.accountId) + '"').with("name", firm.name).with("state", "active")
                .with("created_at", time(firm.createdAt)).with("updated_at", time(firm.createdAt))));
        r.put("groups", Nested.of(() -> {
            List<Rendered> list = new ArrayList<>();
            for (Group g : firm.groups.values()) {
                if ("AccountGroup".equals(g.type) || g.userIds.contains(u.id)) list.add(group(firm, g));
            }
            return list;
        }));
        r.put("default_activity_description", Nested.of(() -> null));
        r.put("contact", Nested.of(() -> null));
        return r;
    }

    /** SPEC {@code Group}. */
    public static Rendered group(Firm firm, Group g) {
        Rendered r = new Rendered().with("id", g.id).with("etag", g.etag()).with("name", g.name).with("type", g.type)
                .with("client_connect_user", false).with("updated_at", time(g.updatedAt));
        r.put("users", Nested.of(() -> {
            List<Rendered> list = new ArrayList<>();
            for (User u : firm.users.values()) {
                if ("AccountGroup".equals(g.type) || g.userIds.contains(u.id)) list.add(user(firm, u));
            }
            return list;
        }));
        return r;
    }

    /** SPEC {@code ActivityRate}. */
    public static Rendered activityRate(Firm firm, ActivityRate ar) {
        Rendered r = base(ar).with("rate", number(ar.rate)).with("flat_rate", ar.flatRate)
                .with("contact_id", ar.contactId).with("co_counsel_contact_id", ar.coCounselContactId);
        r.put("user", Nested.of(() -> userOrNull(firm, ar.userId)));
        r.put("group", Nested.of(() -> ar.groupId == null || firm.groups.get(ar.groupId) == null ? null
                : group(firm, firm.groups.get(ar.groupId))));
        return r;
    }

    /**
     * SPEC {@code ActivityDescription}; {@code rateFor}, when given, replaces the stored rate by the rate that would
     * apply for a matter and user ({@code rate_for[...]} parameters) and fills {@code rate.hierarchy}.
     */
    public static Rendered activityDescription(Firm firm, ActivityDescription d, RateResult rateFor) {
        Rendered r = base(d).with("name", d.name).with("visible_to_co_counsel", d.visibleToCoCounsel)
                .with("default", d.isDefault).with("type", "ActivityDescription")
                .with("utbms_activity_id", null).with("utbms_task_name", null).with("utbms_task_id", null)
                .with("xero_service_code", null).with("accessible_to_user", true).with("category_type", "time");
        r.put("rate", Nested.of(() -> {
            Rendered rate = new Rendered();
            if (rateFor == null) {
                rate.with("amount", number(d.amount)).with("non_billable_amount", number(d.nonBillableAmount))
                        .with("type", d.rateType).with("hierarchy", null);
            } else {
                rate.with("amount", number(rateFor.amount())).with("non_billable_amount", number(d.nonBillableAmount))
                        .with("type", rateFor.flat() ? "FlatRate" : "Custom".equals(d.rateType) ? "Custom" : d.rateType)
                        .with("hierarchy", rateFor.hierarchy());
            }
            return rate;
        }));
        r.put("groups", Nested.of(List::of));
        return r;
    }

    /** SPEC {@code Activity} with derived quantities and totals (rounding per the firm's billing settings). */
    public static Rendered activity(Firm firm, Activity a) {
        BigDecimal rounded = "TimeEntry".equals(a.type) ? TimeRounding.roundUp(a.quantity, firm.billing.rounding) : a.quantity;
        BigDecimal value = value(a, rounded);
        Rendered r = base(a)
                .with("type", a.type)
                .with("date", date(a.date))
                .with("quantity_in_hours", number(TimeRounding.hours(a.quantity)))
                .with("rounded_quantity_in_hours", number(TimeRounding.hours(rounded)))
                .with("quantity", number(a.quantity))
                .with("rounded_quantity", number(rounded))
                .with("quantity_redacted", false)
                .with("price", number(a.price))
                .with("note", a.note)
                .with("flat_rate", a.flatRate)
                .with("billed", a.billed)
                .with("on_bill", a.onBill)
                .with("total", number(a.nonBillable || a.noCharge ? BigDecimal.ZERO : value))
                .with("contingency_fee", a.contingencyFee)
                .with("reference", a.reference)
                .with("non_billable", a.nonBillable)
                .with("non_billable_total", number(a.nonBillable ? value : BigDecimal.ZERO))
                .with("no_charge", a.noCharge)
                .with("tax_setting", "no_tax");
        r.put("matter", Nested.of(() -> a.matterId == null || firm.matters.get(a.matterId) == null ? null
                : matter(firm, firm.matters.get(a.matterId))));
        r.put("user", Nested.of(() -> userOrNull(firm, a.userId)));
        r.put("activity_description", Nested.of(() -> a.activityDescriptionId == null
                || firm.activityDescriptions.get(a.activityDescriptionId) == null ? null
                : activityDescription(firm, firm.activityDescriptions.get(a.activityDescriptionId), null)));
        r.put("bill", Nested.of(() -> a.billId == null ? null
                : new Rendered().with("id", a.billId).with("etag", '"' + Long.toHexString(a.billId) + '"')
                        .with("state", a.billed ? "awaiting_payment" : "draft")));
        return r;
    }

    /** Value of an activity: flat price, or price per hour × rounded hours (2 decimals, half up). */
    public static BigDecimal value(Activity a, BigDecimal roundedQuantity) {
        if (a.price == null) return BigDecimal.ZERO;
        if (a.flatRate) return a.price;
        if ("TimeEntry".equals(a.type)) {
            return a.price.multiply(roundedQuantity).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
        }
        return a.price.multiply(roundedQuantity).setScale(2, RoundingMode.HALF_UP);
    }

    /** SPEC {@code Webhook}. */
    public static Rendered webhook(Firm firm, Webhook w) {
        Rendered r = base(w).with("url", w.url).with("fields", w.fields).with("shared_secret", w.sharedSecret)
                .with("model", w.model).with("status", w.status).with("events", List.copyOf(w.events))
                .with("expires_at", time(w.expiresAt));
        r.put("user", Nested.of(() -> userOrNull(firm, w.userId)));
        return r;
    }

    /** SPEC {@code BillingSetting}. */
    public static Rendered billingSettings(BillingSettings b) {
        return base(b).with("rounded_duration", b.rounding / 60.0).with("rounding", b.rounding)
                .with("use_decimal_rounding", b.useDecimalRounding).with("currency", b.currency)
                .with("currency_sign", b.currencySign).with("tax_rate", 0.0).with("tax_name", "Tax")
                .with("apply_tax_by_default", false).with("apply_secondary_tax_by_default", false)
                .with("time_on_flat_rate_contingency_matters_is_non_billable",
                        b.timeOnFlatRateContingencyMattersIsNonBillable)
                .with("use_secondary_tax", false).with("notify_after_bill_created", false)
                .with("use_utbms_codes", false).with("multi_currency_billing", false);
    }

    /** Fully materialises a projection result (no lazy values left) — handy for snapshots. */
    public static Map<String, Object> materialise(Rendered r, FieldSelection sel) {
        return Projector.project(r, sel);
    }
}
