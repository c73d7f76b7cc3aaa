package com.caseclock.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event-type catalogue: one constant per payload record. Each knows its CloudEvents type ({@code ce_type}
 * header), its topic, its Java record and its JSON Schema on the classpath.
 */
public enum EventType {

    /** {@link MatterChangedV1} on {@link Topic#MATTER_CHANGED}. */
    MATTER_CHANGED("com.caseclock.clio.matter.changed.v1", Topic.MATTER_CHANGED, MatterChangedV1.class),
    /** {@link ClientChangedV1} on {@link Topic#CLIENT_CHANGED}. */
    CLIENT_CHANGED("com.caseclock.clio.client.changed.v1", Topic.CLIENT_CHANGED, ClientChangedV1.class),
    /** {@link UserRateChangedV1} on {@link Topic#RATE_CHANGED}. */
    USER_RATE_CHANGED("com.caseclock.clio.user-rate.changed.v1", Topic.RATE_CHANGED, UserRateChangedV1.class),
    /** {@link ClientRateChangedV1} on {@link Topic#RATE_CHANGED}. */
    CLIENT_RATE_CHANGED("com.caseclock.clio.client-rate.changed.v1", Topic.RATE_CHANGED, ClientRateChangedV1.class),
    /** {@link ActivityDescriptionRateChangedV1} on {@link Topic#RATE_CHANGED}. */
    ACTIVITY_DESCRIPTION_RATE_CHANGED("com.caseclock.clio.activity-description-rate.changed.v1", Topic.RATE_CHANGED,
            ActivityDescriptionRateChangedV1.class),
    /** {@link TimeEntryApprovedV1} on {@link Topic#TIME_ENTRY_APPROVAL}. */
    TIME_ENTRY_APPROVED("com.caseclock.timeentry.approved.v1", Topic.TIME_ENTRY_APPROVAL, TimeEntryApprovedV1.class),
    /** {@link TimeEntryApprovalUpdatedV1} on {@link Topic#TIME_ENTRY_APPROVAL}. */
    TIME_ENTRY_APPROVAL_UPDATED("com.caseclock.timeentry.approval-updated.v1", Topic.TIME_ENTRY_APPROVAL,
            TimeEntryApprovalUpdatedV1.class),
    /** {@link TimeEntryVoidedV1} on {@link Topic#TIME_ENTRY_APPROVAL}. */
    TIME_ENTRY_VOIDED("com.caseclock.timeentry.voided.v1", Topic.TIME_ENTRY_APPROVAL, TimeEntryVoidedV1.class),
    /** {@link TimeEntrySyncResultV1} on {@link Topic#TIME_ENTRY_SYNC_RESULT}. */
    TIME_ENTRY_SYNC_RESULT("com.caseclock.connector.time-entry.sync-result.v1", Topic.TIME_ENTRY_SYNC_RESULT,
            TimeEntrySyncResultV1.class),
    /** {@link ConnectionStatusChangedV1} on {@link Topic#CONNECTION_STATUS}. */
    CONNECTION_STATUS_CHANGED("com.caseclock.connector.connection-status.changed.v1", Topic.CONNECTION_STATUS,
            ConnectionStatusChangedV1.class),
    /** {@link ResyncFirmRequestedV1} on {@link Topic#CONNECTOR_COMMAND}. */
    RESYNC_FIRM_REQUESTED("com.caseclock.connector.resync-firm.requested.v1", Topic.CONNECTOR_COMMAND,
            ResyncFirmRequestedV1.class),
    /** {@link MatterLookupRequestedV1} on {@link Topic#CONNECTOR_COMMAND}. */
    MATTER_LOOKUP_REQUESTED("com.caseclock.connector.matter-lookup.requested.v1", Topic.CONNECTOR_COMMAND,
            MatterLookupRequestedV1.class),
    /** {@link MatterLookupAnsweredV1} on {@link Topic#MATTER_LOOKUP_RESULT}. */
    MATTER_LOOKUP_ANSWERED("com.caseclock.connector.matter-lookup.answered.v1", Topic.MATTER_LOOKUP_RESULT,
            MatterLookupAnsweredV1.class);

    private final String ceType;
    private final Topic topic;
    private final Class<? extends DomainEvent> payloadClass;

    EventType(String ceType, Topic topic, Class<? extends DomainEvent> payloadClass) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadClass = payloadClass;
    }

    /**
     * CloudEvents type, sent in the {@code ce_type} header.
     *
     * @return e.g. {@code "com.caseclock.clio.matter.changed.v1"}
     */
    public String ceType() {
        return ceType;
    }

    /**
     * Topic the event is published on.
     *
     * @return the topic
     */
    public Topic topic() {
        return topic;
    }

    /**
     * Java record of the payload.
     *
     * @return the record class
     */
    public Class<? extends DomainEvent> payloadClass() {
        return payloadClass;
    }

    /**
     * Classpath location of the JSON Schema (draft 2020-12) of the payload.
     *
     * @return {@code "/schemas/<ceType>.schema.json"}
     */
    public String schemaResource() {
        return "/schemas/" + ceType + ".schema.json";
    }

    /**
     * The schema's {@code $id}.
     *
     * @return {@code "https://caseclock.example/schemas/<ceType>.schema.json"}
     */
    public String schemaId() {
        return EventCodec.SCHEMA_ID_PREFIX + ceType + ".schema.json";
    }

    /**
     * Looks a type up by its CloudEvents type.
     *
     * @param ceType value of the {@code ce_type} header; {@code null} gives empty
     * @return the event type, or empty if unknown (including tombstone types, which have no payload)
     */
    public static Optional<EventType> byCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    /**
     * Looks a type up by its payload record class.
     *
     * @param payloadClass a record class implementing {@link DomainEvent}; {@code null} gives empty
     * @return the event type, or empty if the class is not in the catalogue
     */
    public static Optional<EventType> byPayloadClass(Class<?> payloadClass) {
        return Arrays.stream(values()).filter(t -> t.payloadClass.equals(payloadClass)).findFirst();
    }
}
