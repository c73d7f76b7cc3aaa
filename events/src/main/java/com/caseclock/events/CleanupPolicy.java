package com.caseclock.events;

/** Kafka {@code cleanup.policy} of a topic. */
public enum CleanupPolicy {
    /** Log compaction: the latest value per key is kept forever; a {@code null} value (tombstone) deletes the key. */
    COMPACT("compact"),
    /** Time-based deletion after {@code retention.ms}. */
    DELETE("delete");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /**
     * Value for the Kafka topic config {@code cleanup.policy}.
     *
     * @return {@code "compact"} or {@code "delete"}
     */
    public String configValue() {
        return configValue;
    }
}
