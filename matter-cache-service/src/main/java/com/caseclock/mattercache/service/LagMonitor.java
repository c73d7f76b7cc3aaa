package com.caseclock.mattercache.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.caseclock.mattercache.config.MatterCacheConfig;
import com.caseclock.mattercache.repository.MatterSearchRepository;
import com.caseclock.mattercache.repository.ReplayStateRepository;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Measures, every {@code matter-cache.freshness.poll-interval}, the consumer lag of each projection channel (records
 * between the end of each partition and the next record this service will handle) and records the first time a
 * channel's lag reaches 0 after its build began: that is when the backfill of the topic is complete. While a channel
 * is still replaying, its progress is logged at each poll.
 *
 * <p>Lag per partition = end offset − this instance's position ({@link ConsumerPositions}), or − the group's
 * committed offset for partitions assigned elsewhere. Gauges: {@code mattercache.consumer.lag} (records, tag
 * {@code topic}), {@code mattercache.backfill.complete} (1 or 0, tag {@code topic}).
 */
@ApplicationScoped
public class LagMonitor {

    private static final Logger LOG = Logger.getLogger(LagMonitor.class);

    /**
     * Last measurement of a channel.
     *
     * @param lag        records still to handle, or -1 before the first measurement
     * @param caughtUpAt when the backfill completed, or {@code null}
     */
    public record ChannelLag(long lag, Instant caughtUpAt) {
    }

    private final MatterCacheConfig config;
    private final ConsumerPositions positions;
    private final ReplayStateRepository replayState;
    private final MatterSearchRepository search;
    private final MeterRegistry registry;
    private final Map<String, Object> kafkaConfig;
    private final String groupId;
    private final Map<ProjectionChannel, AtomicLong> lags = new EnumMap<>(ProjectionChannel.class);
    private final Map<ProjectionChannel, Instant> caughtUp = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private Admin admin;

    LagMonitor(MatterCacheConfig config, ConsumerPositions positions, ReplayStateRepository replayState,
            MatterSearchRepository search, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String groupId) {
        this.config = config;
        this.positions = positions;
        this.replayState = replayState;
        this.search = search;
        this.registry = registry;
        this.kafkaConfig = kafkaConfig;
        this.groupId = groupId;
        for (ProjectionChannel channel : ProjectionChannel.values()) {
            lags.put(channel, new AtomicLong(-1));
        }
    }

    void start(@Observes StartupEvent event) {
        Properties props = new Properties();
        kafkaConfig.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, groupId + "-lag-monitor");
        admin = Admin.create(props);
        for (ProjectionChannel channel : ProjectionChannel.values()) {
            Gauge.builder("mattercache.consumer.lag", lags.get(channel), AtomicLong::get)
                    .tag("topic", channel.topic()).baseUnit("records")
                    .description("Records of the topic not yet handled by this service (-1: not measured yet)")
                    .register(registry);
            Gauge.builder("mattercache.backfill.complete", caughtUp, m -> m.containsKey(channel) ? 1 : 0)
                    .tag("topic", channel.topic())
                    .description("1 once the consumer has reached the end of the topic since the cache was built")
                    .register(registry);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "matter-cache-lag-monitor");
            t.setDaemon(true);
            return t;
        });
        long every = config.freshness().pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    /**
     * @param channel a projection channel
     * @return its last measured lag and backfill completion
     */
    public synchronized ChannelLag lag(ProjectionChannel channel) {
        Instant at = caughtUp.get(channel);
        if (at == null) {
            at = replayState.find(channel.channel()).map(ReplayStateRepository.ReplayState::caughtUpAt).orElse(null);
            if (at != null) {
                caughtUp.put(channel, at);
            }
        }
        return new ChannelLag(lags.get(channel).get(), at);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (Exception e) {
            LOG.debugf(e, "Consumer lag not measured this time");
        }
    }

    private void poll() throws Exception {
        for (ProjectionChannel channel : ProjectionChannel.values()) {
            String topic = channel.topic();
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic);
            List<TopicPartition> partitions = new ArrayList<>();
            description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long lag = 0;
            boolean allKnown = true;
            Map<Integer, String> progress = new java.util.TreeMap<>();
            for (TopicPartition p : partitions) {
                long end = ends.get(p).offset();
                OptionalLong local = positions.position(p);
                long position;
                if (local.isPresent()) {
                    position = local.getAsLong();
                } else if (committed.get(p) != null) {
                    position = committed.get(p).offset();
                } else {
                    position = 0;
                    allKnown &= end == 0;
                }
                lag += Math.max(0, end - position);
                progress.put(p.partition(), position + "/" + end);
            }
            lags.get(channel).set(lag);
            if (!caughtUp.containsKey(channel) && lag(channel).caughtUpAt() == null) {
                if (lag == 0 && allKnown && replayState.find(channel.channel()).isPresent()) {
                    if (replayState.markCaughtUp(channel.channel(), channel.tables())
                            && channel == ProjectionChannel.MATTERS) {
                        search.statisticsRenewed();
                    }
                    caughtUp.put(channel, Instant.now());
                    LOG.infof("Backfill of %s complete: all partitions handled up to their end offsets %s",
                            topic, progress);
                } else {
                    LOG.infof("Replaying %s: %d records to go (position/end offset per partition %s)",
                            topic, lag, progress);
                }
            }
        }
    }

    /**
     * Forgets the completion of a channel whose rebuild just started (its {@code replay_state} row was reset).
     *
     * @param channel the channel being rebuilt
     */
    public synchronized void rebuildStarted(ProjectionChannel channel) {
        caughtUp.remove(channel);
    }
}
