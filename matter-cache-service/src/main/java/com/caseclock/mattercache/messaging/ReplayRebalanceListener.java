package com.caseclock.mattercache.messaging;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import com.caseclock.mattercache.service.ReplayService;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Rebalance listener of the projection channels ({@code consumer-rebalance-listener.name=matter-cache-replay}):
 * hands newly assigned partitions to {@link ReplayService}, which rewinds them when a rebuild is due and records the
 * positions the lag is measured from.
 */
@ApplicationScoped
@Identifier(ReplayRebalanceListener.NAME)
public class ReplayRebalanceListener implements KafkaConsumerRebalanceListener {

    /** Name the channels refer to in their configuration. */
    public static final String NAME = "matter-cache-replay";

    private final ReplayService replay;

    ReplayRebalanceListener(ReplayService replay) {
        this.replay = replay;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        replay.onAssigned(consumer, partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        replay.onRevoked(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        replay.onRevoked(partitions);
    }
}
