package com.caseclock.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka topic catalogue as code constants. Names use dots and hyphens only and end in a version suffix
 * ({@code .v1}). {@code docs/events.md} is the human-readable copy of this table.
 *
 * <p>Compacted topics keep the latest state per key forever; deleting an aggregate is a tombstone (record with
 * the key and a {@code null} value, CloudEvents type {@link #tombstoneCeType()}).
 */
public enum Topic {

    /** Normalised Clio matter snapshots; key {@code <firmId>:<clioMatterId>}. */
    MATTER_CHANGED("clio.matter.changed.v1", "<firmId>:<clioMatterId>", 3, CleanupPolicy.COMPACT, -1,
            "clio-connector", List.of("matter-cache-service", "timeentry-service"), "com.caseclock.clio.matter.deleted.v1"),

    /** Normalised Clio client (contact) snapshots; key {@code <firmId>:<clioContactId>}. */
    CLIENT_CHANGED("clio.client.changed.v1", "<firmId>:<clioContactId>", 3, CleanupPolicy.COMPACT, -1,
            "clio-connector", List.of("matter-cache-service"), "com.caseclock.clio.client.deleted.v1"),

    /**
     * User default rates, client custom rates and activity description rates; key
     * {@code <firmId>:<rateKind>:<clioId>} with rateKind {@code user | client-rate | activity-description}.
     */
    RATE_CHANGED("clio.rate.changed.v1", "<firmId>:<rateKind>:<clioId> (rateKind = user | client-rate | activity-description)", 3,
            CleanupPolicy.COMPACT, -1, "clio-connector", List.of("matter-cache-service"), "com.caseclock.clio.rate.deleted.v1"),

    /** Approved, updated and voided time entries to push to Clio; key {@code <timeEntryId>}. */
    TIME_ENTRY_APPROVAL("timeentry.time-entry.approval.v1", "<timeEntryId>", 6, CleanupPolicy.DELETE, Duration.ofDays(30).toMillis(),
            "timeentry-service", List.of("clio-connector"), null),

    /** Outcome of pushing one approval event to Clio; key {@code <timeEntryId>}. */
    TIME_ENTRY_SYNC_RESULT("connector.time-entry.sync-result.v1", "<timeEntryId>", 6, CleanupPolicy.DELETE, Duration.ofDays(30).toMillis(),
            "clio-connector", List.of("timeentry-service"), null),

    /** Per-user Clio connection state; key {@code <firmId>:<userId>}. */
    CONNECTION_STATUS("connector.connection.status.v1", "<firmId>:<userId>", 3, CleanupPolicy.COMPACT, -1,
            "clio-connector", List.of("timeentry-service"), null),

    /**
     * Commands to the connector (resync a firm, look up a matter); key {@code <firmId>}. Produced by
     * matter-cache-service and by support tooling.
     */
    CONNECTOR_COMMAND("connector.command.v1", "<firmId>", 3, CleanupPolicy.DELETE, Duration.ofDays(7).toMillis(),
            "matter-cache-service", List.of("clio-connector"), null),

    /** Answers to matter lookup commands; key {@code <firmId>}. */
    MATTER_LOOKUP_RESULT("connector.matter-lookup.result.v1", "<firmId>", 3, CleanupPolicy.DELETE, Duration.ofDays(7).toMillis(),
            "clio-connector", List.of("matter-cache-service"), null),

    /** Records timeentry-service could not process; key copied from the original record. */
    TIMEENTRY_DEAD_LETTER("timeentry-service.dead-letter.v1", "<original record key>", 3, CleanupPolicy.DELETE,
            Duration.ofDays(30).toMillis(), "timeentry-service", List.of("support tooling"), null),

    /** Records matter-cache-service could not process; key copied from the original record. */
    MATTER_CACHE_DEAD_LETTER("matter-cache-service.dead-letter.v1", "<original record key>", 3, CleanupPolicy.DELETE,
            Duration.ofDays(30).toMillis(), "matter-cache-service", List.of("support tooling"), null),

    /** Records clio-connector could not process; key copied from the original record. */
    CONNECTOR_DEAD_LETTER("clio-connector.dead-letter.v1", "<original record key>", 3, CleanupPolicy.DELETE,
            Duration.ofDays(30).toMillis(), "clio-connector", List.of("support tooling"), null);

    /** Retention value meaning "keep forever" ({@code retention.ms=-1}). */
    public static final long RETAIN_FOREVER = -1L;

    private final String topicName;
    private final String keyDescription;
    private final int partitions;
    private final CleanupPolicy cleanupPolicy;
    private final long retentionMs;
    private final String producer;
    private final List<String> consumers;
    private final String tombstoneCeType;

    Topic(String topicName, String keyDescription, int partitions, CleanupPolicy cleanupPolicy, long retentionMs,
          String producer, List<String> consumers, String tombstoneCeType) {
        this.topicName = topicName;
        this.keyDescription = keyDescription;
        this.partitions = partitions;
        this.cleanupPolicy = cleanupPolicy;
        this.retentionMs = retentionMs;
        this.producer = producer;
        this.consumers = consumers;
        this.tombstoneCeType = tombstoneCeType;
    }

    /**
     * Kafka topic name, e.g. {@code "clio.matter.changed.v1"}.
     *
     * @return the topic name
     */
    public String topicName() {
        return topicName;
    }

    /**
     * Human-readable format of the record key, e.g. {@code "<firmId>:<clioMatterId>"}; build keys with
     * {@link EventKeys}.
     *
     * @return the key format
     */
    public String keyDescription() {
        return keyDescription;
    }

    /**
     * Number of partitions to create the topic with (at least 3).
     *
     * @return the partition count
     */
    public int partitions() {
        return partitions;
    }

    /**
     * Kafka cleanup policy.
     *
     * @return {@link CleanupPolicy#COMPACT} or {@link CleanupPolicy#DELETE}
     */
    public CleanupPolicy cleanupPolicy() {
        return cleanupPolicy;
    }

    /**
     * Retention in milliseconds ({@code retention.ms}); {@link #RETAIN_FOREVER} ({@code -1}) means forever.
     *
     * @return retention in ms, or -1
     */
    public long retentionMs() {
        return retentionMs;
    }

    /**
     * Owning producer service (also the CloudEvents source {@code /caseclock/<producer>}). For
     * {@link #CONNECTOR_COMMAND} support tooling may produce as well.
     *
     * @return the service name, e.g. {@code "clio-connector"}
     */
    public String producer() {
        return producer;
    }

    /**
     * Consumer services; each consumes with {@code group.id} = its service name.
     *
     * @return unmodifiable list of service names ({@code "support tooling"} for dead-letter topics)
     */
    public List<String> consumers() {
        return consumers;
    }

    /**
     * Topic configs for {@code AdminClient}/{@code NewTopic.configs(...)}: {@code cleanup.policy} and
     * {@code retention.ms}.
     *
     * @return unmodifiable map of Kafka topic config names to values
     */
    public Map<String, String> topicConfigs() {
        return Map.of("cleanup.policy", cleanupPolicy.configValue(), "retention.ms", Long.toString(retentionMs));
    }

    /**
     * CloudEvents type sent in the {@code ce_type} header of a tombstone (key + {@code null} value) on this topic.
     *
     * @return e.g. {@code "com.caseclock.clio.matter.deleted.v1"} for {@link #MATTER_CHANGED}; empty for topics
     *         that are not compacted aggregate state (tombstones are not used there)
     */
    public Optional<String> tombstoneCeType() {
        return Optional.ofNullable(tombstoneCeType);
    }

    /**
     * Event types whose payloads are published on this topic.
     *
     * @return unmodifiable list, empty for dead-letter topics
     */
    public List<EventType> eventTypes() {
        return Arrays.stream(EventType.values()).filter(t -> t.topic() == this).toList();
    }

    /**
     * Whether this is one of the per-service dead-letter topics.
     *
     * @return {@code true} for {@code <service>.dead-letter.v1} topics
     */
    public boolean isDeadLetter() {
        return topicName.contains(".dead-letter.");
    }

    /**
     * Looks a topic up by its Kafka name.
     *
     * @param topicName e.g. {@code "clio.matter.changed.v1"}; {@code null} gives empty
     * @return the topic, or empty if not in the catalogue
     */
    public static Optional<Topic> byName(String topicName) {
        return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
    }

    /**
     * The dead-letter topic of a consuming service.
     *
     * @param serviceName {@code "timeentry-service"}, {@code "matter-cache-service"} or {@code "clio-connector"}
     * @return the topic named {@code <serviceName>.dead-letter.v1}, or empty if there is none
     */
    public static Optional<Topic> deadLetterFor(String serviceName) {
        return byName(serviceName + ".dead-letter.v1");
    }
}
