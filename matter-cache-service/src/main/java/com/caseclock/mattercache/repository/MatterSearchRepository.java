package com.caseclock.mattercache.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.caseclock.events.MatterStatus;

import io.agroal.api.AgroalDataSource;

/**
 * Ranked matter search of one firm, in three tiers: {@link MatchKind#EXACT} (display number, or its number without
 * leading zeros), {@link MatchKind#PREFIX} (every query word starts a word of the display number, description or
 * client name, or the display number starts with the query), {@link MatchKind#FUZZY} (every query word is a prefix,
 * a substring or a likely typo of such a word). Within a tier, results are in display number order.
 *
 * <p>Why it is shaped like this (measured in docs/performance.md): a common prefix ("sch") matches thousands of a
 * firm's matters, and fetching and sorting all of them costs tens of milliseconds. So for a condition that the
 * database's statistics call common, the prefix and fuzzy tiers first read the firm's first matters in display order
 * (index {@code matter_firm_display}, at most {@value #MAX_WINDOW}) and keep those that match; otherwise, or when
 * that window holds less than the page, they fetch every match through the tsvector index and sort them (then there
 * are few). Substrings and typos are looked up in the per-firm word
 * dictionary {@code matter_word} (pg_trgm over a few thousand words instead of every matter), and the words found
 * select matters through the tsvector index. The tiers are disjoint, so pages are cut tier by tier.
 */
@ApplicationScoped
public class MatterSearchRepository {

    /** Most matters read in display order before falling back to fetching every match and sorting it. */
    static final int MAX_WINDOW = 5000;
    /** Fewest matters read in display order when that strategy is chosen. */
    static final int MIN_WINDOW = 500;
    /** The window is sized to hold this many times the rows wanted, at the estimated share of matching matters. */
    static final int WINDOW_MARGIN = 3;
    /** Most dictionary words one query word expands to (best trigram similarity first). */
    static final int MAX_EXPANSIONS = 50;

    private static final String HIT_COLUMNS = "m.clio_id, m.display_number, m.description, m.status, "
            + "m.client_clio_id, m.client_name, m.billable, m.display_key";

    private final AgroalDataSource dataSource;
    private final LexemeFrequencies frequencies;

    @Inject
    MatterSearchRepository(AgroalDataSource dataSource) {
        this(dataSource, new LexemeFrequencies());
    }

    /** For tests: with given word frequencies (they choose the strategy, never the result). */
    MatterSearchRepository(AgroalDataSource dataSource, LexemeFrequencies frequencies) {
        this.dataSource = dataSource;
        this.frequencies = frequencies;
    }

    /**
     * Tells the search that the matter table's statistics were just renewed ({@code ANALYZE} after a rebuild caught
     * up): the word frequencies it chooses strategies from are read again at the next search instead of after up to
     * a minute.
     */
    public void statisticsRenewed() {
        frequencies.forget();
    }

    /**
     * @param firmId   tenant id (the caller's)
     * @param text     the user's text, folded by the database (accents, case, punctuation); blank lists all
     * @param statuses statuses to include, not empty
     * @param limit    rows to return
     * @param offset   rows to skip
     * @return the page of hits, ranked
     * @throws IllegalStateException when the database fails
     */
    public List<MatterHit> search(String firmId, String text, Set<MatterStatus> statuses, int limit, long offset) {
        try (Connection c = dataSource.getConnection()) {
            SearchQuery q = Folding.fold(c, text);
            Array statusArray = c.createArrayOf("text", statuses.stream().map(Enum::name).toArray());
            if (q.blank()) {
                return browse(c, firmId, statusArray, limit, offset);
            }
            Condition exact = exact(q);
            Condition prefix = prefix(firmId, q, frequencies.ofPrefixes(c, q.words())).andNot(exact);
            List<MatterHit> hits = new ArrayList<>(limit);
            long skip = offset;
            for (int tier = 0; tier < 3 && hits.size() < limit; tier++) {
                Condition condition = switch (tier) {
                    case 0 -> exact;
                    case 1 -> prefix;
                    default -> fuzzy(c, firmId, q, prefix, frequencies);
                };
                if (condition == null) {
                    continue;
                }
                int need = limit - hits.size();
                List<MatterHit> rows = tier == 0
                        ? ordered(c, firmId, statusArray, condition, MatchKind.EXACT, q, need, skip)
                        : windowThenAll(c, firmId, statusArray, condition, MatchKind.values()[tier], q, need, skip);
                if (!rows.isEmpty()) {
                    hits.addAll(rows);
                    skip = 0;
                } else if (skip > 0) {
                    skip = Math.max(0, skip - count(c, firmId, statusArray, condition));
                }
            }
            return hits;
        } catch (SQLException e) {
            throw Sql.failure("Matter search", e);
        }
    }

    private List<MatterHit> browse(Connection c, String firmId, Array statuses, int limit, long offset)
            throws SQLException {
        return ordered(c, firmId, statuses, new Condition("TRUE", List.of(), 1), MatchKind.FUZZY, null, limit, offset);
    }

    /** Display number equal to the query, or its leading number without zeros equal to an all-digit query. */
    private static Condition exact(SearchQuery q) {
        return q.numberKey().isEmpty()
                ? new Condition("m.display_key = ?", List.of(q.folded()), 0)
                : new Condition("(m.display_key = ? OR m.number_key = ?)", List.of(q.folded(), q.numberKey()), 0);
    }

    /**
     * Every word a prefix of a word of the matter, or the display number starting with the query. Guarded by the
     * dictionary: when a word with letters starts no word of the firm at all (a typo), the one-time filter makes the
     * statement return at once instead of reading the window.
     */
    private static Condition prefix(String firmId, SearchQuery q, double share) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (String w : q.dictionaryWords()) {
            sql.append("EXISTS (SELECT 1 FROM matter_word d WHERE d.firm_id = ? AND d.word LIKE ?) AND ");
            params.add(firmId);
            params.add(w + "%");
        }
        sql.append("(m.search_words @@ to_tsquery('simple', ?) OR m.display_key LIKE ?)");
        params.add(q.prefixTsQuery());
        params.add(q.displayPrefixPattern());
        return new Condition("(" + sql + ")", params, share);
    }

    /**
     * Every word a prefix of, inside, or similar to (pg_trgm {@code %}, {@code pg_trgm.similarity_threshold}) a word
     * of the firm's dictionary; the words found select the matters through the tsvector index.
     *
     * @return {@code null} when the query has no word the dictionary could expand (all shorter than 3 characters)
     */
    private static Condition fuzzy(Connection c, String firmId, SearchQuery q, Condition prefix,
            LexemeFrequencies frequencies) throws SQLException {
        if (!q.expandable()) {
            return null;
        }
        Map<Integer, Set<String>> expansions = new TreeMap<>();
        for (int i = 0; i < q.words().size(); i++) {
            expansions.put(i, new LinkedHashSet<>(List.of(q.words().get(i))));
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT q.ord, x.word
                FROM unnest(?::text[]) WITH ORDINALITY AS q(w, ord)
                CROSS JOIN LATERAL (
                    SELECT d.word FROM matter_word d
                    WHERE d.firm_id = ? AND length(q.w) >= ?
                      AND (d.word LIKE '%' || q.w || '%' OR (length(q.w) >= ? AND d.word % q.w))
                    ORDER BY similarity(d.word, q.w) DESC, d.word
                    LIMIT ?) x""")) {
            s.setArray(1, c.createArrayOf("text", q.words().toArray()));
            s.setString(2, firmId);
            s.setInt(3, SearchQuery.MIN_SUBSTRING_WORD);
            s.setInt(4, SearchQuery.MIN_FUZZY_WORD);
            s.setInt(5, MAX_EXPANSIONS);
            boolean added = false;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    int word = rs.getInt(1) - 1;
                    String found = rs.getString(2);
                    if (!found.startsWith(q.words().get(word))) {
                        // words the query word starts are already matched by its prefix term
                        added |= expansions.get(word).add(found);
                    }
                }
            }
            if (!added) {
                return null;
            }
        }
        StringBuilder tsquery = new StringBuilder();
        for (Set<String> alternatives : expansions.values()) {
            StringBuilder any = new StringBuilder();
            for (String w : alternatives) {
                // the query word itself (first) as a prefix, the words found as whole words
                any.append(any.isEmpty() ? SearchQuery.lexeme(w) + ":*" : " | " + SearchQuery.lexeme(w));
            }
            tsquery.append(tsquery.isEmpty() ? "" : " & ").append('(').append(any).append(')');
        }
        return new Condition("m.search_words @@ to_tsquery('simple', ?)", List.of(tsquery.toString()),
                frequencies.ofAlternatives(c, expansions.values())).andNot(prefix);
    }

    /** Matches of a small condition (index lookups), sorted. */
    private static List<MatterHit> ordered(Connection c, String firmId, Array statuses, Condition condition,
            MatchKind kind, SearchQuery q, int limit, long offset) throws SQLException {
        String sql = "SELECT " + HIT_COLUMNS + " FROM matter m WHERE m.firm_id = ? AND m.status = ANY (?) AND "
                + condition.sql() + " ORDER BY m.display_key, m.clio_id LIMIT ? OFFSET ?";
        return hits(c, sql, firmId, statuses, condition, kind, q, limit, offset);
    }

    /**
     * For a common condition (by {@link LexemeFrequencies}), reads the firm's first matters in display order, as many
     * as should hold the page {@value #WINDOW_MARGIN} times over, and keeps the matching ones. Otherwise, or if they
     * do not make the page, fetches every match (a materialised bitmap scan, so the planner cannot turn it into a walk
     * over the whole firm) and sorts them. Both give the same rows; only the cost differs.
     */
    private static List<MatterHit> windowThenAll(Connection c, String firmId, Array statuses, Condition condition,
            MatchKind kind, SearchQuery q, int limit, long offset) throws SQLException {
        double wanted = WINDOW_MARGIN * (double) (offset + limit);
        if (condition.share() * MAX_WINDOW >= wanted) {
            long size = Math.max(MIN_WINDOW, (long) Math.ceil(wanted / condition.share()));
            String window = "SELECT " + HIT_COLUMNS + " FROM (SELECT * FROM matter WHERE firm_id = ? "
                    + "ORDER BY display_key, clio_id LIMIT " + size + ") m WHERE m.status = ANY (?) AND "
                    + condition.sql() + " ORDER BY m.display_key, m.clio_id LIMIT ? OFFSET ?";
            List<MatterHit> rows = hits(c, window, firmId, statuses, condition, kind, q, limit, offset);
            if (rows.size() == limit) {
                return rows;
            }
        }
        String all = "WITH c AS MATERIALIZED (SELECT " + HIT_COLUMNS + " FROM matter m WHERE m.firm_id = ? "
                + "AND m.status = ANY (?) AND " + condition.sql() + ") "
                + "SELECT * FROM c m ORDER BY m.display_key, m.clio_id LIMIT ? OFFSET ?";
        return hits(c, all, firmId, statuses, condition, kind, q, limit, offset);
    }

    private static long count(Connection c, String firmId, Array statuses, Condition condition)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM matter m WHERE m.firm_id = ? "
                + "AND m.status = ANY (?) AND " + condition.sql())) {
            int i = 1;
            s.setString(i++, firmId);
            s.setArray(i++, statuses);
            condition.bind(s, i);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<MatterHit> hits(Connection c, String sql, String firmId, Array statuses, Condition condition,
            MatchKind kind, SearchQuery q, int limit, long offset) throws SQLException {
        String scored = kind == MatchKind.FUZZY && q != null
                ? "SELECT r.*, word_similarity(?, s.search_text) AS score FROM (" + sql + ") r "
                        + "JOIN matter s ON s.firm_id = ? AND s.clio_id = r.clio_id "
                        + "ORDER BY r.display_key, r.clio_id"
                : sql;
        try (PreparedStatement s = c.prepareStatement(scored)) {
            int i = 1;
            if (scored != sql) {
                s.setString(i++, q.folded());
            }
            s.setString(i++, firmId);
            s.setArray(i++, statuses);
            i = condition.bind(s, i);
            s.setInt(i++, limit);
            s.setLong(i++, offset);
            if (scored != sql) {
                s.setString(i, firmId);
            }
            List<MatterHit> hits = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hits.add(new MatterHit(rs.getLong("clio_id"), rs.getString("display_number"),
                            rs.getString("description"), MatterStatus.valueOf(rs.getString("status")),
                            Sql.getLong(rs, "client_clio_id"), rs.getString("client_name"),
                            rs.getBoolean("billable"), kind, scored != sql ? rs.getDouble("score") : 0.0));
                }
            }
            return hits;
        }
    }

    /**
     * An SQL condition over {@code matter m} with its parameters, in order.
     *
     * @param sql    the condition
     * @param params its parameters (strings)
     * @param share  estimated share of matters matching it (0..1), chooses the strategy only
     */
    private record Condition(String sql, List<Object> params, double share) {

        /** @return this condition and not {@code other} (a {@code NULL} of {@code other} counts as false) */
        Condition andNot(Condition other) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(other.params());
            return new Condition("(" + sql + " AND (" + other.sql() + ") IS NOT TRUE)", all, share);
        }

        int bind(PreparedStatement s, int from) throws SQLException {
            int i = from;
            for (Object p : params) {
                s.setObject(i++, p);
            }
            return i;
        }
    }
}
