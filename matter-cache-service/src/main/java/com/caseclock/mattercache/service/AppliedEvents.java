package com.caseclock.mattercache.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.mattercache.repository.ApplyOutcome;
import com.caseclock.mattercache.repository.FreshnessRepository;

/**
 * Book-keeping after a consumer handled a batch of events: the firms' freshness rows (one upsert per firm, topic and
 * partition, in the consumer's transaction) and the metrics.
 */
@ApplicationScoped
public class AppliedEvents {

    private final FreshnessRepository freshness;
    private final FreshnessMetrics metrics;

    AppliedEvents(FreshnessRepository freshness, FreshnessMetrics metrics) {
        this.freshness = freshness;
        this.metrics = metrics;
    }

    /** @return a tally for one batch; pass it to {@link #record} */
    public Tally tally() {
        return new Tally();
    }

    /**
     * Writes a batch's tally: freshness rows and metrics.
     *
     * @param tally what the batch did
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Tally tally) {
        tally.groups.forEach((key, group) -> {
            freshness.recordApplied(key.firmId(), key.topic(), key.partition(), group.lastEventTime, group.events);
            metrics.applied(key.firmId(), key.topic());
        });
        tally.outcomes.forEach((key, n) -> metrics.count(key.topic(), key.outcome(), n));
    }

    /** What one batch did, per firm, topic and partition, and per outcome. */
    public static final class Tally {

        private record Key(String firmId, String topic, int partition) {
        }

        private record OutcomeKey(String topic, String outcome) {
        }

        private static final class Group {
            private Instant lastEventTime;
            private long events;
        }

        private final Map<Key, Group> groups = new HashMap<>();
        private final Map<OutcomeKey, Long> outcomes = new HashMap<>();

        private Tally() {
        }

        /**
         * @param firmId    tenant id of the event
         * @param topic     topic it came from
         * @param partition its partition
         * @param eventTime its time ({@code occurredAt} / {@code ce_time})
         * @param outcome   what applying it did; {@code null} for a tombstone (deleted)
         */
        public void handled(String firmId, String topic, int partition, Instant eventTime, ApplyOutcome outcome) {
            Group g = groups.computeIfAbsent(new Key(firmId, topic, partition), k -> new Group());
            g.events++;
            if (g.lastEventTime == null || eventTime.isAfter(g.lastEventTime)) {
                g.lastEventTime = eventTime;
            }
            outcomes.merge(new OutcomeKey(topic, outcome == null ? "deleted"
                    : outcome.name().toLowerCase(Locale.ROOT)), 1L, Long::sum);
        }

        /** @param topic topic of an event delivered again (already in the inbox) */
        public void duplicate(String topic) {
            outcomes.merge(new OutcomeKey(topic, "duplicate"), 1L, Long::sum);
        }
    }
}
