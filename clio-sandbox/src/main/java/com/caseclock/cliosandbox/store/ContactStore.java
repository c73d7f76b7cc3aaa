package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.model.Contact;
import com.caseclock.cliosandbox.model.Firm;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Create/update/delete of contacts from a Clio write body (SPEC {@code paths["/contacts.json"].post},
 * {@code paths["/contacts/{id}.json"].patch}). A Person needs a first or last name (tag "Contacts", "Contact Name");
 * a Company needs a name. Deleting a contact that is the client of a matter is refused with 422 [inf].
 */
public final class ContactStore {
    private final SandboxState state;

    public ContactStore(SandboxState state) {
        this.state = state;
    }

    public Contact get(Firm firm, long id) {
        Contact c = firm.contacts.get(id);
        if (c == null) throw ApiException.notFound("Contact " + id);
        return c;
    }

    public Contact create(Firm firm, JsonNode body) {
        JsonNode d = Json.data(body);
        Contact c = new Contact();
        if (d.has("id")) c.id = d.get("id").asLong();
        String type = Json.text(d, "type");
        if (type == null) throw ApiException.unprocessable("Type can't be blank");
        if (!type.equals("Person") && !type.equals("Company")) throw ApiException.unprocessable("Type is invalid");
        c.type = type;
        apply(firm, c, d);
        if ("Person".equals(type) && isBlank(c.firstName) && isBlank(c.lastName)) {
            if (!isBlank(c.name)) {
                String[] parts = c.name.trim().split("\\s+", 2);
                c.firstName = parts[0];
                c.lastName = parts.length > 1 ? parts[1] : null;
            } else {
                throw ApiException.unprocessable("At least one of first name or last name must be provided");
            }
        }
        if ("Company".equals(type) && isBlank(c.name)) throw ApiException.unprocessable("Name can't be blank");
        state.init(c);
        if (d.has("created_at")) c.createdAt = com.caseclock.cliosandbox.render.Formats.parseTime(Json.text(d, "created_at"), "created_at");
        if (d.has("updated_at")) c.updatedAt = com.caseclock.cliosandbox.render.Formats.parseTime(Json.text(d, "updated_at"), "updated_at");
        firm.contacts.put(c.id, c);
        Changes.created(state, firm, "contact", c);
        return c;
    }

    public Contact update(Firm firm, long id, JsonNode body) {
        JsonNode d = Json.data(body);
        Contact c = get(firm, id);
        return Changes.update(state, firm, "contact", c, x -> {
            if (d.has("type")) x.type = Json.text(d, "type");
            apply(firm, x, d);
        });
    }

    public void delete(Firm firm, long id) {
        Contact c = get(firm, id);
        boolean client = firm.matters.values().stream().anyMatch(m -> m.clientId != null && m.clientId == id);
        if (client) throw ApiException.unprocessable("Contact is the client of one or more matters and cannot be deleted");
        Changes.deleted(state, firm, "contact", c);
        firm.contacts.remove(id);
        firm.activityRates.values().removeIf(r -> r.contactId != null && r.contactId == id);
    }

    private void apply(Firm firm, Contact c, JsonNode d) {
        if (d.has("name")) c.name = Json.text(d, "name");
        if (d.has("first_name")) c.firstName = Json.text(d, "first_name");
        if (d.has("middle_name")) c.middleName = Json.text(d, "middle_name");
        if (d.has("last_name")) c.lastName = Json.text(d, "last_name");
        if (d.has("prefix")) c.prefix = Json.text(d, "prefix");
        if (d.has("title")) c.title = Json.text(d, "title");
        if (d.has("date_of_birth")) c.dateOfBirth = Json.date(d, "date_of_birth");
        if (d.has("is_client")) c.isClient = Boolean.TRUE.equals(Json.bool(d, "is_client"));
        if (d.has("client_reference")) c.clientReference = Json.text(d, "client_reference");
        if (d.has("primary_email_address")) c.primaryEmailAddress = Json.text(d, "primary_email_address");
        if (d.has("primary_phone_number")) c.primaryPhoneNumber = Json.text(d, "primary_phone_number");
        JsonNode emails = d.get("email_addresses");
        if (emails != null && emails.isArray() && emails.size() > 0) c.primaryEmailAddress = Json.text(emails.get(0), "address");
        JsonNode phones = d.get("phone_numbers");
        if (phones != null && phones.isArray() && phones.size() > 0) c.primaryPhoneNumber = Json.text(phones.get(0), "number");
        if (d.has("company")) {
            Long companyId = Json.ref(d, "company");
            if (companyId != null && !firm.contacts.containsKey(companyId)) throw ApiException.notFound("Contact " + companyId);
            c.companyId = companyId;
        }
        if ("Person".equals(c.type) && (d.has("first_name") || d.has("last_name"))) c.name = c.displayName();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
