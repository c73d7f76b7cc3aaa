package com.caseclock.mattercache.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * How often words occur in matters, from PostgreSQL's own statistics of {@code matter.search_words} (the
 * {@code most_common_elems} that {@code ANALYZE} keeps, the same numbers the planner uses), re-read at most once a
 * minute. {@link MatterSearchRepository} uses it only to pick the cheaper of two strategies that return the same rows:
 * a common word ("smith", prefix "sch") is found fastest by reading matters in display order, a rare one by its index
 * entries. A word the statistics do not list counts as rare.
 */
class LexemeFrequencies {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);
    /** A database without statistics yet (just built) is asked again sooner. */
    private static final Duration MAX_AGE_EMPTY = Duration.ofSeconds(5);

    private volatile NavigableMap<String, Double> frequencies = new TreeMap<>();
    private volatile long readAt = Long.MIN_VALUE;

    /**
     * @param c     a connection, used when the statistics are older than a minute
     * @param words the query's words, each a prefix or (with {@code alternatives}) one of several words
     * @return the estimated share of matters (0..1) holding a word starting with each of {@code prefixes}
     * @throws SQLException when the statistics cannot be read
     */
    double ofPrefixes(Connection c, Collection<String> words) throws SQLException {
        NavigableMap<String, Double> f = current(c);
        double share = 1.0;
        for (String w : words) {
            share *= Math.min(1.0, sum(f.subMap(w, true, w + Character.MAX_VALUE, false)));
        }
        return share;
    }

    /**
     * @param c            a connection, used when the statistics are older than a minute
     * @param alternatives per query word: its prefix (first) and the whole words it may also match
     * @return the estimated share of matters (0..1) matching every query word through one of its alternatives
     * @throws SQLException when the statistics cannot be read
     */
    double ofAlternatives(Connection c, Collection<? extends Collection<String>> alternatives) throws SQLException {
        NavigableMap<String, Double> f = current(c);
        double share = 1.0;
        for (Collection<String> words : alternatives) {
            double any = 0;
            boolean first = true;
            for (String w : words) {
                any += first ? sum(f.subMap(w, true, w + Character.MAX_VALUE, false)) : f.getOrDefault(w, 0.0);
                first = false;
            }
            share *= Math.min(1.0, any);
        }
        return share;
    }

    private static double sum(Map<String, Double> m) {
        double s = 0;
        for (double v : m.values()) {
            s += v;
        }
        return s;
    }

    /**
     * Drops the statistics read so far; the next search reads them again. Called when the matter table was just
     * analysed (a rebuild caught up), so the strategy is not chosen from the empty table's statistics for a minute.
     */
    void forget() {
        readAt = Long.MIN_VALUE;
    }

    private NavigableMap<String, Double> current(Connection c) throws SQLException {
        long now = System.nanoTime();
        Duration maxAge = frequencies.isEmpty() ? MAX_AGE_EMPTY : MAX_AGE;
        if (readAt != Long.MIN_VALUE && now - readAt < maxAge.toNanos()) {
            return frequencies;
        }
        NavigableMap<String, Double> read = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT most_common_elems::text::text[], "
                + "most_common_elem_freqs FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'matter' "
                + "AND attname = 'search_words'"); ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                Array elems = rs.getArray(1);
                Array freqs = rs.getArray(2);
                if (elems != null && freqs != null) {
                    String[] e = (String[]) elems.getArray();
                    Float[] fr = (Float[]) freqs.getArray();
                    for (int i = 0; i < e.length && i < fr.length; i++) {
                        read.put(e[i], (double) fr[i]);
                    }
                }
            }
        }
        frequencies = read;
        readAt = now;
        return read;
    }
}
