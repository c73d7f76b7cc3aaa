package com.caseclock.mattercache.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.mattercache.repository.FreshnessRepository;
import com.caseclock.mattercache.repository.FreshnessRepository.TopicFreshness;

/**
 * How fresh a firm's cache is: per projection topic, the last event of the firm applied, the service's consumer lag
 * on the topic, and whether the backfill is complete.
 *
 * <p>Backfill completeness is per topic, not per firm: the connector publishes no "firm fully synced" marker, so the
 * cache can only tell that it has handled everything the topic held (lag 0 reached once since the cache was built).
 * A firm whose connector is still publishing its first sync shows recent {@code lastEventTime}s and a lag above 0.
 */
@ApplicationScoped
public class FreshnessService {

    /**
     * Freshness of one topic for one firm.
     *
     * @param topic            topic name
     * @param lastEventTime    time of the newest event of the firm applied, or {@code null} if none yet
     * @param lastAppliedAt    when the last event of the firm was applied, or {@code null}
     * @param eventsApplied    events of the firm applied since the cache was built
     * @param consumerLag      records of the topic (all firms) not yet handled; -1 before the first measurement
     * @param backfillComplete whether the service has handled the whole topic at least once since it was built
     * @param backfillCompletedAt when that happened, or {@code null}
     */
    public record TopicView(String topic, Instant lastEventTime, Instant lastAppliedAt, long eventsApplied,
            long consumerLag, boolean backfillComplete, Instant backfillCompletedAt) {
    }

    /**
     * Freshness of a firm.
     *
     * @param firmId           the firm
     * @param lastAppliedAt    newest {@code lastAppliedAt} over the topics, or {@code null}
     * @param backfillComplete whether every topic's backfill is complete
     * @param topics           per topic
     */
    public record FirmFreshness(String firmId, Instant lastAppliedAt, boolean backfillComplete,
            List<TopicView> topics) {
    }

    private final FreshnessRepository freshness;
    private final LagMonitor lagMonitor;

    FreshnessService(FreshnessRepository freshness, LagMonitor lagMonitor) {
        this.freshness = freshness;
        this.lagMonitor = lagMonitor;
    }

    /**
     * @param firmId the caller's firm
     * @return its freshness
     */
    public FirmFreshness of(String firmId) {
        Map<String, TopicFreshness> rows = freshness.forFirm(firmId).stream()
                .collect(Collectors.toMap(TopicFreshness::topic, Function.identity()));
        List<TopicView> topics = new ArrayList<>();
        Instant last = null;
        boolean complete = true;
        for (ProjectionChannel channel : ProjectionChannel.values()) {
            String topic = channel.topic();
            TopicFreshness row = rows.get(topic);
            LagMonitor.ChannelLag lag = lagMonitor.lag(channel);
            boolean done = lag.caughtUpAt() != null;
            complete &= done;
            if (row != null && (last == null || row.lastAppliedAt().isAfter(last))) {
                last = row.lastAppliedAt();
            }
            topics.add(new TopicView(topic, row == null ? null : row.lastEventTime(),
                    row == null ? null : row.lastAppliedAt(), row == null ? 0 : row.eventsApplied(), lag.lag(), done,
                    lag.caughtUpAt()));
        }
        return new FirmFreshness(firmId, last, complete, topics);
    }
}
