package com.caseclock.connector.sync;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.caseclock.events.ActivityDescriptionRateChangedV1;
import com.caseclock.events.ActivityRateType;
import com.caseclock.events.ClientChangedV1;
import com.caseclock.events.ClientRateChangedV1;
import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventKeys;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.Money;
import com.caseclock.events.Topic;
import com.caseclock.events.UserRateChangedV1;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Clio resources the connector mirrors onto Kafka, with how to list them, how to turn a record into a snapshot
 * event, and the key and topic of its tombstone. Paths and fields as in Clio's OpenAPI document
 * (https://docs.developers.clio.com/openapi.json).
 *
 * <p>Matters and contacts are large: they are polled incrementally with {@code updated_since}, and deletions come
 * from webhooks and the periodic reconciliation. Users, client rates and activity descriptions are small: every pass
 * lists them whole (a user's group membership changes without changing the user's {@code updated_at}), and a record
 * missing from a complete pass is deleted.
 */
public enum SyncedResource {

    MATTERS("matters", "/api/v4/matters.json", ClioRecords.MATTER_FIELDS, true, Topic.MATTER_CHANGED),
    CONTACTS("contacts", "/api/v4/contacts.json", ClioRecords.CONTACT_FIELDS, true, Topic.CLIENT_CHANGED),
    USERS("users", "/api/v4/users.json", "id,etag,name,rate,updated_at,groups{id}", false, Topic.RATE_CHANGED),
    CLIENT_RATES("activity_rates", "/api/v4/activity_rates.json",
            "id,etag,rate,flat_rate,contact_id,user{id},group{id},updated_at", false, Topic.RATE_CHANGED),
    ACTIVITY_DESCRIPTIONS("activity_descriptions", "/api/v4/activity_descriptions.json",
            "id,etag,name,rate{amount,type},updated_at", false, Topic.RATE_CHANGED);

    private final String resourceName;
    private final String path;
    private final String fields;
    private final boolean incremental;
    private final Topic topic;

    SyncedResource(String resourceName, String path, String fields, boolean incremental, Topic topic) {
        this.resourceName = resourceName;
        this.path = path;
        this.fields = fields;
        this.incremental = incremental;
        this.topic = topic;
    }

    /** @return the resource of a bookkeeping name, or {@code null} */
    public static SyncedResource byName(String resourceName) {
        for (SyncedResource r : values()) {
            if (r.resourceName.equals(resourceName)) {
                return r;
            }
        }
        return null;
    }

    /** @return the name used in the sync bookkeeping tables */
    public String resourceName() {
        return resourceName;
    }

    /** @return the list endpoint's path under the region's host */
    public String path() {
        return path;
    }

    /** @return the {@code fields} to ask for */
    public String fields() {
        return fields;
    }

    /** @return whether passes use {@code updated_since} (else every pass lists everything) */
    public boolean incremental() {
        return incremental;
    }

    /** @return the topic snapshots and tombstones go to */
    public Topic topic() {
        return topic;
    }

    /**
     * @param record one Clio record
     * @return the version used to tell whether it changed since it was last published (its etag, plus for users
     *         their group ids, which change without changing the user's etag, and for matters with custom rate lines
     *         the ids and etags of those lines)
     */
    public String version(JsonNode record) {
        String etag = record.path("etag").asText("");
        return switch (this) {
            case USERS -> etag + "|" + groupIds(record);
            case MATTERS -> MatterRates.hasCustomRates(record) ? etag + "|rates:" + rateVersions(record) : etag;
            default -> etag;
        };
    }

    /** The custom rate's type and the id and etag of each of its lines (what Clio shows of them when listing). */
    private static String rateVersions(JsonNode matter) {
        JsonNode customRate = matter.path("custom_rate");
        StringBuilder versions = new StringBuilder(customRate.path("type").asText(""));
        for (JsonNode rate : customRate.path("rates")) {
            versions.append(',').append(rate.path("id").asText("")).append('@').append(rate.path("etag").asText(""));
        }
        return versions.toString();
    }

    /**
     * @param firmId   the firm
     * @param record   one Clio record
     * @param currency the firm's currency (ISO 4217)
     * @param now      the event time
     * @return the snapshot event, or {@code null} for a record CaseClock does not use (e.g. a co-counsel rate)
     */
    public DomainEvent snapshot(String firmId, JsonNode record, String currency, Instant now) {
        long id = record.path("id").asLong();
        Instant updatedAt = ClioRecords.updatedAt(record);
        String etag = record.path("etag").asText(null);
        return switch (this) {
            case MATTERS -> MatterChangedV1.of(firmId, now, ClioRecords.matter(record, currency));
            case CONTACTS -> ClientChangedV1.of(firmId, now, ClioRecords.client(record));
            case USERS -> new UserRateChangedV1(UUID.randomUUID(), firmId, now, UserRateChangedV1.SCHEMA_VERSION, id,
                    record.path("name").asText(""), money(record.path("rate"), currency), groupIds(record),
                    updatedAt, etag);
            case CLIENT_RATES -> {
                if (!record.path("contact_id").canConvertToLong() || record.path("contact_id").isNull()) {
                    yield null;
                }
                Long user = record.path("user").isObject() ? record.path("user").path("id").asLong() : null;
                Long group = user == null && record.path("group").isObject()
                        ? record.path("group").path("id").asLong() : null;
                Money rate = money(record.path("rate"), currency);
                yield rate == null ? null : new ClientRateChangedV1(UUID.randomUUID(), firmId, now,
                        ClientRateChangedV1.SCHEMA_VERSION, id, record.path("contact_id").asLong(), user, group, rate,
                        record.path("flat_rate").asBoolean(false), updatedAt, etag);
            }
            case ACTIVITY_DESCRIPTIONS -> {
                JsonNode rate = record.path("rate");
                ActivityRateType type = switch (rate.path("type").asText("User")) {
                    case "FlatRate" -> ActivityRateType.FLAT_RATE;
                    case "Custom" -> ActivityRateType.CUSTOM;
                    default -> ActivityRateType.USER;
                };
                Money amount = type == ActivityRateType.USER ? null : money(rate.path("amount"), currency);
                if (type != ActivityRateType.USER && amount == null) {
                    type = ActivityRateType.USER;
                }
                yield new ActivityDescriptionRateChangedV1(UUID.randomUUID(), firmId, now,
                        ActivityDescriptionRateChangedV1.SCHEMA_VERSION, id, record.path("name").asText(""), type,
                        amount, updatedAt, etag);
            }
        };
    }

    /** @return the Kafka key of a record of this resource (its tombstone's key) */
    public String key(String firmId, long clioId) {
        return switch (this) {
            case MATTERS -> EventKeys.matter(firmId, clioId);
            case CONTACTS -> EventKeys.client(firmId, clioId);
            case USERS -> EventKeys.userRate(firmId, clioId);
            case CLIENT_RATES -> EventKeys.clientRate(firmId, clioId);
            case ACTIVITY_DESCRIPTIONS -> EventKeys.activityDescriptionRate(firmId, clioId);
        };
    }

    private static List<Long> groupIds(JsonNode record) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode group : record.path("groups")) {
            ids.add(group.path("id").asLong());
        }
        ids.sort(null);
        return ids;
    }

    private static Money money(JsonNode amount, String currency) {
        if (amount.isMissingNode() || amount.isNull() || amount.asText().isBlank()) {
            return null;
        }
        return new Money(new BigDecimal(amount.asText()), currency);
    }
}
