package com.caseclock.mattercache.repository;

/**
 * When a snapshot replaces the stored row of the same Clio record: the condition every projection upsert puts after
 * {@code ON CONFLICT … DO UPDATE … WHERE}. Newer means a later Clio {@code updated_at}, or the same one published by
 * the connector at the same time or later (the event's {@code occurredAt}, kept per row in
 * {@code event_occurred_at}; NULL for rows written before that column existed). Clio's times have whole seconds, so
 * two changes of a record within one second tie on {@code updated_at}; the publishing time, not the order of arrival,
 * breaks the tie, so a rebuild that re-reads a topic while records fetched before it are still applied ends on the
 * version published last. ETags are not ordered and do not take part.
 */
final class VersionGuard {

    private VersionGuard() {
    }

    /**
     * @param table the projection table (its row is {@code table}, the proposed one {@code excluded})
     * @return the SQL condition, without parameters
     */
    static String newerThanStored(String table) {
        return ("excluded.clio_updated_at > %1$s.clio_updated_at%n"
                + "                OR excluded.clio_updated_at = %1$s.clio_updated_at%n"
                + "                    AND (%1$s.event_occurred_at IS NULL%n"
                + "                        OR excluded.event_occurred_at >= %1$s.event_occurred_at)").formatted(table);
    }
}
