package com.caseclock.events;

import java.util.Objects;
import java.util.UUID;

/**
 * Builds Kafka record keys (aggregate keys). The event records use these, and producers of tombstones (which have
 * no payload) must use them too so the tombstone lands on the same key as the value it deletes.
 */
public final class EventKeys {

    /** Rate kind segment of the {@link Topic#RATE_CHANGED} key for user default rates. */
    public static final String RATE_KIND_USER = "user";
    /** Rate kind segment of the {@link Topic#RATE_CHANGED} key for client (contact) custom rates. */
    public static final String RATE_KIND_CLIENT_RATE = "client-rate";
    /** Rate kind segment of the {@link Topic#RATE_CHANGED} key for activity description (activity type) rates. */
    public static final String RATE_KIND_ACTIVITY_DESCRIPTION = "activity-description";

    /**
     * What a tenant (law firm) id may look like, as the event JSON Schemas require ({@code firmId} pattern): a letter
     * or digit, then up to 63 letters, digits, dots, underscores or hyphens. Use it to refuse a firm id at the edge
     * (400) rather than have the event fail schema validation later.
     */
    public static final String FIRM_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    private static final java.util.regex.Pattern FIRM_ID = java.util.regex.Pattern.compile(FIRM_ID_PATTERN);

    private EventKeys() {
    }

    /**
     * Key of {@link Topic#MATTER_CHANGED}.
     *
     * @param firmId       tenant id, not {@code null}
     * @param clioMatterId Clio matter id
     * @return {@code "<firmId>:<clioMatterId>"}
     * @throws NullPointerException if {@code firmId} is {@code null}
     */
    public static String matter(String firmId, long clioMatterId) {
        return req(firmId) + ":" + clioMatterId;
    }

    /**
     * Key of {@link Topic#CLIENT_CHANGED}.
     *
     * @param firmId        tenant id, not {@code null}
     * @param clioContactId Clio contact id
     * @return {@code "<firmId>:<clioContactId>"}
     * @throws NullPointerException if {@code firmId} is {@code null}
     */
    public static String client(String firmId, long clioContactId) {
        return req(firmId) + ":" + clioContactId;
    }

    /**
     * Key of {@link Topic#RATE_CHANGED} for a user's default rate.
     *
     * @param firmId     tenant id, not {@code null}
     * @param userClioId Clio user id
     * @return {@code "<firmId>:user:<userClioId>"}
     * @throws NullPointerException if {@code firmId} is {@code null}
     */
    public static String userRate(String firmId, long userClioId) {
        return req(firmId) + ":" + RATE_KIND_USER + ":" + userClioId;
    }

    /**
     * Key of {@link Topic#RATE_CHANGED} for a client custom rate.
     *
     * @param firmId         tenant id, not {@code null}
     * @param clientRateClioId Clio id of the client rate record
     * @return {@code "<firmId>:client-rate:<clientRateClioId>"}
     * @throws NullPointerException if {@code firmId} is {@code null}
     */
    public static String clientRate(String firmId, long clientRateClioId) {
        return req(firmId) + ":" + RATE_KIND_CLIENT_RATE + ":" + clientRateClioId;
    }

    /**
     * Key of {@link Topic#RATE_CHANGED} for an activity description's rate.
     *
     * @param firmId                    tenant id, not {@code null}
     * @param activityDescriptionClioId Clio activity description id
     * @return {@code "<firmId>:activity-description:<activityDescriptionClioId>"}
     * @throws NullPointerException if {@code firmId} is {@code null}
     */
    public static String activityDescriptionRate(String firmId, long activityDescriptionClioId) {
        return req(firmId) + ":" + RATE_KIND_ACTIVITY_DESCRIPTION + ":" + activityDescriptionClioId;
    }

    /**
     * Key of {@link Topic#TIME_ENTRY_APPROVAL} and {@link Topic#TIME_ENTRY_SYNC_RESULT}.
     *
     * @param timeEntryId CaseClock time entry id, not {@code null}
     * @return the UUID in canonical lower-case text form
     * @throws NullPointerException if {@code timeEntryId} is {@code null}
     */
    public static String timeEntry(UUID timeEntryId) {
        return Objects.requireNonNull(timeEntryId, "timeEntryId").toString();
    }

    /**
     * Key of {@link Topic#CONNECTION_STATUS}.
     *
     * @param firmId tenant id, not {@code null}
     * @param userId CaseClock user id, not {@code null}
     * @return {@code "<firmId>:<userId>"}
     * @throws NullPointerException if an argument is {@code null}
     */
    public static String connection(String firmId, String userId) {
        return req(firmId) + ":" + Objects.requireNonNull(userId, "userId");
    }

    /**
     * Key of the firm-keyed topics {@link Topic#CONNECTOR_COMMAND} and {@link Topic#MATTER_LOOKUP_RESULT}.
     *
     * @param firmId tenant id, not {@code null}
     * @return {@code firmId} itself
     * @throws NullPointerException if {@code firmId} is {@code null}
     */
    public static String firm(String firmId) {
        return req(firmId);
    }

    /**
     * @param firmId a tenant id, may be {@code null}
     * @return whether it matches {@link #FIRM_ID_PATTERN} ({@code false} for {@code null})
     */
    public static boolean isValidFirmId(String firmId) {
        return firmId != null && FIRM_ID.matcher(firmId).matches();
    }

    private static String req(String firmId) {
        return Objects.requireNonNull(firmId, "firmId");
    }
}
