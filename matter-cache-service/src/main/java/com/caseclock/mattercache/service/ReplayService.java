package com.caseclock.mattercache.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import com.caseclock.mattercache.config.MatterCacheConfig;
import com.caseclock.mattercache.repository.ReplayStateRepository;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * Rebuilds projections from the compacted topics: wipes a channel's tables (and its inbox, markers and freshness
 * rows) and makes its consumer read the topic from the beginning, in the same consumer group.
 *
 * <p>A channel is rebuilt when its partitions are first assigned in this process and either
 * {@code matter-cache.rebuild-on-start=true} or the database has no {@code replay_state} row for it (a new or wiped
 * database: offsets the consumer group committed earlier belong to data that is gone). Support can also ask for a
 * rebuild at run time ({@link #rebuildNow()}). Progress (lag against the end offsets) is logged by
 * {@link LagMonitor} until the consumer has caught up. Run a rebuild with one instance of the service: partitions
 * held by other instances are not rewound.
 */
@ApplicationScoped
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class);

    private final ReplayStateRepository replayState;
    private final MatterCacheConfig config;
    private final ConsumerPositions positions;
    private final KafkaClientService kafkaClients;
    private final LagMonitor lagMonitor;
    private final Map<ProjectionChannel, Boolean> rebuilding = new EnumMap<>(ProjectionChannel.class);
    private final Map<ProjectionChannel, Set<TopicPartition>> rewound = new EnumMap<>(ProjectionChannel.class);

    ReplayService(ReplayStateRepository replayState, MatterCacheConfig config, ConsumerPositions positions,
            KafkaClientService kafkaClients, LagMonitor lagMonitor) {
        this.lagMonitor = lagMonitor;
        this.replayState = replayState;
        this.config = config;
        this.positions = positions;
        this.kafkaClients = kafkaClients;
    }

    /**
     * Called on the consumer's polling thread when partitions are assigned: rewinds them if their channel is being
     * rebuilt, then records the consumer's positions.
     *
     * @param consumer   the Kafka consumer (polling thread only)
     * @param partitions the newly assigned partitions
     */
    public void onAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> toRewind = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            ProjectionChannel.forTopic(partition.topic()).ifPresent(channel -> {
                if (mustRewind(channel, partition)) {
                    toRewind.add(partition);
                }
            });
        }
        if (!toRewind.isEmpty()) {
            consumer.seekToBeginning(toRewind);
            LOG.infof("Rebuild: reading %s from the beginning", toRewind);
        }
        for (TopicPartition partition : partitions) {
            positions.assigned(partition, consumer.position(partition));
        }
    }

    /** @param partitions partitions taken away from this instance */
    public void onRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(positions::revoked);
    }

    private synchronized boolean mustRewind(ProjectionChannel channel, TopicPartition partition) {
        Boolean rebuild = rebuilding.get(channel);
        if (rebuild == null) {
            boolean fresh = replayState.find(channel.channel()).isEmpty();
            rebuild = fresh || config.rebuildOnStart();
            rebuilding.put(channel, rebuild);
            if (rebuild) {
                LOG.infof("Rebuilding the %s projection (%s) from the beginning of %s",
                        channel.channel(), fresh ? "database not yet built from the topic" : "rebuild-on-start",
                        channel.topic());
                replayState.restart(channel.channel(), channel.topic(), channel.tables(), channel.markerKinds());
                lagMonitor.rebuildStarted(channel);
            }
        }
        return rebuild && rewound.computeIfAbsent(channel, c -> new HashSet<>()).add(partition);
    }

    /**
     * Rebuilds every projection now, while the service runs: on each consumer's polling thread, wipes the channel's
     * projection and seeks its assigned partitions to the beginning. Records already fetched before the seek may
     * still be applied once; the version guard and the inbox make that harmless.
     */
    public void rebuildNow() {
        for (ProjectionChannel channel : ProjectionChannel.values()) {
            kafkaClients.<String, String> getConsumer(channel.channel()).runOnPollingThread(consumer -> {
                LOG.infof("Rebuilding the %s projection from the beginning of %s (requested by support)",
                        channel.channel(), channel.topic());
                replayState.restart(channel.channel(), channel.topic(), channel.tables(), channel.markerKinds());
                lagMonitor.rebuildStarted(channel);
                Set<TopicPartition> assigned = consumer.assignment();
                consumer.seekToBeginning(assigned);
                for (TopicPartition partition : assigned) {
                    positions.assigned(partition, consumer.position(partition));
                }
            }).await().indefinitely();
        }
    }
}
