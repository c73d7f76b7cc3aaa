package com.caseclock.events.kafka;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding in binary content mode, as SmallRye's Kafka connector
 * writes and reads them (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md,
 * section 3.2).
 */
public final class CloudEventHeaders {

    /** CloudEvents specification version, always {@code 1.0}. */
    public static final String SPEC_VERSION = "ce_specversion";
    /** Event id: our {@code eventId} UUID, the consumers' de-duplication key. */
    public static final String ID = "ce_id";
    /** Versioned event type, e.g. {@code com.caseclock.clio.matter.changed.v1}. */
    public static final String TYPE = "ce_type";
    /** Producing service, e.g. {@code /caseclock/clio-connector}. */
    public static final String SOURCE = "ce_source";
    /** When the event happened, RFC 3339 UTC. */
    public static final String TIME = "ce_time";
    /** Aggregate id as text (Clio id or time-entry UUID). */
    public static final String SUBJECT = "ce_subject";
    /** Payload media type, {@code application/json}. */
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
