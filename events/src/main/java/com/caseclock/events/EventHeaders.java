package com.caseclock.events;

/**
 * Kafka header names of the envelope (CloudEvents 1.0 Kafka protocol binding, binary content mode) and of
 * dead-letter records. See {@code docs/events.md}.
 */
public final class EventHeaders {

    /** CloudEvents spec version header; value {@link #SPEC_VERSION}. */
    public static final String CE_SPECVERSION = "ce_specversion";
    /** CloudEvents id header; value = {@link DomainEvent#eventId()}. */
    public static final String CE_ID = "ce_id";
    /** CloudEvents type header; value = {@link EventType#ceType()} or {@link Topic#tombstoneCeType()}. */
    public static final String CE_TYPE = "ce_type";
    /** CloudEvents source header; value = {@code /caseclock/<service>}, see {@link #source(String)}. */
    public static final String CE_SOURCE = "ce_source";
    /** CloudEvents time header; value = {@link DomainEvent#occurredAt()} as ISO-8601 UTC. */
    public static final String CE_TIME = "ce_time";
    /** CloudEvents subject header; value = {@link DomainEvent#subject()}. */
    public static final String CE_SUBJECT = "ce_subject";
    /** Content type header (binary mode uses the plain Kafka header, not {@code ce_datacontenttype}). */
    public static final String CONTENT_TYPE = "content-type";
    /** Value of {@link #CE_SPECVERSION}. */
    public static final String SPEC_VERSION = "1.0";
    /** Value of {@link #CONTENT_TYPE}. */
    public static final String APPLICATION_JSON = "application/json";
    /** Dead-letter header: short reason the record was dead-lettered (e.g. the exception message). */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    /** Dead-letter header: the cause (e.g. the violations or the underlying exception). */
    public static final String DEAD_LETTER_CAUSE = "dead-letter-cause";

    private EventHeaders() {
    }

    /**
     * CloudEvents source of a service.
     *
     * @param serviceName e.g. {@code "clio-connector"}
     * @return {@code "/caseclock/" + serviceName}
     */
    public static String source(String serviceName) {
        return "/caseclock/" + serviceName;
    }
}
