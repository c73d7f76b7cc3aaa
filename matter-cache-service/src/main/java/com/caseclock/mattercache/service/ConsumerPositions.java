package com.caseclock.mattercache.service;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;

/**
 * The next offset this instance will handle, per assigned partition: set when a partition is assigned (after any
 * rewind) and advanced after every record, whether it was applied, skipped or dead-lettered. Used to compute the
 * consumer lag without waiting for the (throttled) offset commits.
 */
@ApplicationScoped
public class ConsumerPositions {

    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();

    /**
     * @param partition an assigned partition
     * @param position  the consumer's position in it
     */
    public void assigned(TopicPartition partition, long position) {
        next.put(partition, position);
    }

    /** @param partition a partition no longer assigned to this instance */
    public void revoked(TopicPartition partition) {
        next.remove(partition);
    }

    /**
     * @param topic     topic of a handled record
     * @param partition its partition
     * @param offset    its offset
     */
    public void handled(String topic, int partition, long offset) {
        next.put(new TopicPartition(topic, partition), offset + 1);
    }

    /**
     * @param partition a partition
     * @return the next offset this instance will handle, empty if the partition is not assigned here
     */
    public OptionalLong position(TopicPartition partition) {
        Long p = next.get(partition);
        return p == null ? OptionalLong.empty() : OptionalLong.of(p);
    }
}
