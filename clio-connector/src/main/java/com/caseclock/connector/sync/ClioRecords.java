package com.caseclock.connector.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.caseclock.events.ClientSnapshot;
import com.caseclock.events.ContactType;
import com.caseclock.events.CustomRateType;
import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterRateEntry;
import com.caseclock.events.MatterSnapshot;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.Money;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns Clio's JSON records (shapes of Clio's OpenAPI document: {@code Matter}, {@code Contact},
 * https://docs.developers.clio.com/openapi.json) into our normalised snapshots. Unknown fields and enum values are
 * tolerated (Clio adds them without a new version; NOTES.md §1).
 */
public final class ClioRecords {

    /** The {@code fields} the matter sync asks for (one level of nesting, as Clio allows). */
    public static final String MATTER_FIELDS = "id,etag,display_number,description,status,billable,open_date,"
            + "pending_date,close_date,updated_at,client{id,name},responsible_attorney{id,name},"
            + "custom_rate{type,rates}";

    /** The {@code fields} the contact sync asks for. */
    public static final String CONTACT_FIELDS = "id,etag,type,name,first_name,last_name,primary_email_address,"
            + "updated_at";

    private ClioRecords() {
    }

    /**
     * @param json     one Clio matter
     * @param currency the firm's currency for custom rates when the matter names none (ISO 4217)
     * @return the snapshot
     */
    public static MatterSnapshot matter(JsonNode json, String currency) {
        JsonNode client = json.path("client");
        JsonNode attorney = json.path("responsible_attorney");
        return new MatterSnapshot(json.path("id").asLong(), text(json, "display_number"),
                json.path("description").asText(""), status(json.path("status").asText("")),
                client.isObject() ? client.path("id").asLong() : null, client.isObject() ? text(client, "name") : null,
                attorney.isObject() ? attorney.path("id").asLong() : null,
                attorney.isObject() ? text(attorney, "name") : null, json.path("billable").asBoolean(true),
                date(json, "open_date"), date(json, "pending_date"), date(json, "close_date"),
                customRate(json.path("custom_rate"), currency(json, currency)), instant(json, "updated_at"),
                text(json, "etag"));
    }

    /** @return the client snapshot of one Clio contact */
    public static ClientSnapshot client(JsonNode json) {
        return new ClientSnapshot(json.path("id").asLong(),
                "Company".equalsIgnoreCase(json.path("type").asText()) ? ContactType.COMPANY : ContactType.PERSON,
                json.path("name").asText(""), text(json, "first_name"), text(json, "last_name"),
                text(json, "primary_email_address"), instant(json, "updated_at"), text(json, "etag"));
    }

    /** @return Clio's {@code updated_at} of a record, or {@code null} */
    public static Instant updatedAt(JsonNode json) {
        return instant(json, "updated_at");
    }

    private static MatterStatus status(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "pending" -> MatterStatus.PENDING;
            case "closed" -> MatterStatus.CLOSED;
            default -> MatterStatus.OPEN;
        };
    }

    /**
     * The rate lines are read from {@code resolved_rates} when {@link MatterRates} put them there (a listing shows
     * only each line's id and etag), else from Clio's {@code rates}; a line without an amount is left out.
     */
    private static MatterCustomRate customRate(JsonNode json, String currency) {
        if (!json.isObject() || !json.path("type").isTextual()) {
            return null;
        }
        CustomRateType type = switch (json.path("type").asText()) {
            case "FlatRate" -> CustomRateType.FLAT_RATE;
            case "ContingencyFee" -> CustomRateType.CONTINGENCY_FEE;
            default -> CustomRateType.HOURLY_RATE;
        };
        List<MatterRateEntry> rates = new ArrayList<>();
        JsonNode lines = json.has(MatterRates.RESOLVED) ? json.path(MatterRates.RESOLVED) : json.path("rates");
        for (JsonNode rate : lines) {
            JsonNode amount = rate.path("rate");
            if (amount.isMissingNode() || amount.isNull()) {
                continue;
            }
            BigDecimal value = new BigDecimal(amount.asText());
            Long user = rate.path("user").isObject() ? rate.path("user").path("id").asLong() : null;
            Long group = user == null && rate.path("group").isObject() ? rate.path("group").path("id").asLong() : null;
            Long activity = rate.path("activity_description").isObject()
                    ? rate.path("activity_description").path("id").asLong() : null;
            rates.add(type == CustomRateType.CONTINGENCY_FEE
                    ? new MatterRateEntry(user, group, null, value, activity)
                    : new MatterRateEntry(user, group, new Money(value, currency), null, activity));
        }
        return new MatterCustomRate(type, rates);
    }

    private static String currency(JsonNode json, String fallback) {
        JsonNode currency = json.path("currency");
        if (currency.isObject() && currency.path("code").isTextual()) {
            return currency.path("code").asText();
        }
        return currency.isTextual() && currency.asText().matches("[A-Z]{3}") ? currency.asText() : fallback;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static LocalDate date(JsonNode json, String field) {
        String value = text(json, field);
        return value == null || value.isBlank() ? null : LocalDate.parse(value.substring(0, 10));
    }

    private static Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        return value == null || value.isBlank() ? null : OffsetDateTime.parse(value).toInstant();
    }
}
