package com.caseclock.mattercache.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.events.EventJson;
import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterSnapshot;
import com.caseclock.events.MatterStatus;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code matter} table: version-guarded upserts and deletes from the matter topic, lookups by id and the ranked
 * search. Every method is scoped by firm.
 */
@ApplicationScoped
public class MatterRepository {

    static final String KIND = "matter";
    /** Advisory lock key of {@link #lockClientNames()}. */
    private static final long CLIENT_NAME_LOCK = 7_000_001L;

    private static final String UPSERT = """
            INSERT INTO matter (firm_id, clio_id, display_number, description, status, client_clio_id, client_name,
                responsible_attorney_clio_id, responsible_attorney_name, billable, open_date, pending_date, close_date,
                custom_rate, clio_updated_at, clio_etag, last_event_id, applied_at)
            SELECT ?, ?, ?, ?, ?, ?,
                COALESCE((SELECT c.name FROM client c WHERE c.firm_id = ? AND c.clio_id = ?), ?),
                ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now()
            WHERE %s
            ON CONFLICT (firm_id, clio_id) DO UPDATE SET
                display_number = excluded.display_number, description = excluded.description,
                status = excluded.status, client_clio_id = excluded.client_clio_id,
                client_name = excluded.client_name,
                responsible_attorney_clio_id = excluded.responsible_attorney_clio_id,
                responsible_attorney_name = excluded.responsible_attorney_name, billable = excluded.billable,
                open_date = excluded.open_date, pending_date = excluded.pending_date,
                close_date = excluded.close_date, custom_rate = excluded.custom_rate,
                clio_updated_at = excluded.clio_updated_at, clio_etag = excluded.clio_etag,
                last_event_id = excluded.last_event_id, applied_at = excluded.applied_at
            WHERE excluded.clio_updated_at > matter.clio_updated_at
            """.formatted(DeletionMarkers.NOT_DELETED_SINCE);

    private static final String COLUMNS = "firm_id, clio_id, display_number, description, status, client_clio_id, "
            + "client_name, responsible_attorney_clio_id, responsible_attorney_name, billable, open_date, "
            + "pending_date, close_date, custom_rate::text AS custom_rate, clio_updated_at, clio_etag, applied_at";

    private final AgroalDataSource dataSource;

    MatterRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies a matter snapshot if it is newer than the stored one and than any deletion of the matter. Runs in the
     * caller's transaction.
     *
     * @param firmId  tenant id
     * @param matter  the snapshot
     * @param eventId id of the event that carried it
     * @return {@link ApplyOutcome#STALE} when nothing changed
     * @throws IllegalStateException when the database fails
     */
    public ApplyOutcome upsert(String firmId, MatterSnapshot matter, UUID eventId) {
        return upsertAll(List.of(new Upsert(firmId, matter, eventId)))[0];
    }

    /**
     * One matter snapshot to apply.
     *
     * @param firmId  tenant id
     * @param matter  the snapshot
     * @param eventId id of the event that carried it
     */
    public record Upsert(String firmId, MatterSnapshot matter, UUID eventId) {
    }

    /**
     * The batch form of {@link #upsert}: one round trip, applied in order (a later snapshot of the same matter in the
     * batch is compared with the earlier one). Runs in the caller's transaction.
     *
     * @param upserts the snapshots, in partition order
     * @return per snapshot, whether it was applied or stale
     * @throws IllegalStateException when the database fails
     */
    public ApplyOutcome[] upsertAll(List<Upsert> upserts) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            for (Upsert u : upserts) {
                bind(s, u.firmId(), u.matter(), u.eventId());
                s.addBatch();
            }
            int[] counts = s.executeBatch();
            ApplyOutcome[] outcomes = new ApplyOutcome[counts.length];
            for (int i = 0; i < counts.length; i++) {
                outcomes[i] = counts[i] == 1 ? ApplyOutcome.APPLIED : ApplyOutcome.STALE;
            }
            return outcomes;
        } catch (SQLException e) {
            throw Sql.failure("Upsert of " + upserts.size() + " matters", e);
        }
    }

    private static void bind(PreparedStatement s, String firmId, MatterSnapshot matter, UUID eventId)
            throws SQLException {
        int i = 1;
        s.setString(i++, firmId);
        s.setLong(i++, matter.clioId());
        s.setString(i++, matter.displayNumber());
        s.setString(i++, matter.description());
        s.setString(i++, matter.status().name());
        Sql.setLong(s, i++, matter.clientClioId());
        s.setString(i++, firmId);
        Sql.setLong(s, i++, matter.clientClioId());
        s.setString(i++, matter.clientName());
        Sql.setLong(s, i++, matter.responsibleAttorneyClioId());
        s.setString(i++, matter.responsibleAttorneyName());
        s.setBoolean(i++, matter.billable());
        Sql.setDate(s, i++, matter.openDate());
        Sql.setDate(s, i++, matter.pendingDate());
        Sql.setDate(s, i++, matter.closeDate());
        s.setString(i++, matter.customRate() == null ? null : json(matter.customRate()));
        Sql.setInstant(s, i++, matter.clioUpdatedAt());
        s.setString(i++, matter.clioEtag());
        s.setObject(i++, eventId);
        DeletionMarkers.bind(s, i, firmId, KIND, matter.clioId(), matter.clioUpdatedAt());
    }

    /**
     * Deletes a matter (tombstone) and leaves a deletion marker at {@code deletedAt}.
     *
     * @param firmId    tenant id
     * @param clioId    Clio matter id
     * @param deletedAt the tombstone's time
     */
    public void delete(String firmId, long clioId, Instant deletedAt) {
        try (Connection c = dataSource.getConnection()) {
            DeletionMarkers.delete(c, "matter", "clio_id", firmId, KIND, clioId, deletedAt);
        } catch (SQLException e) {
            throw Sql.failure("Delete of matter " + firmId + ":" + clioId, e);
        }
    }

    /**
     * Serialises, until the end of the caller's transaction, the writers of {@code matter.client_name}: the matter
     * consumer (which takes the client's name from the {@code client} table) and the client consumer (which renames
     * the client on the matters). Without it, two concurrent transactions could each miss the other's uncommitted
     * row and leave a stale client name. A transaction-scoped advisory lock; one per batch.
     */
    public void lockClientNames() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT pg_advisory_xact_lock(" + CLIENT_NAME_LOCK + ")")) {
            s.execute();
        } catch (SQLException e) {
            throw Sql.failure("Locking client names", e);
        }
    }

    /**
     * Keeps the denormalised client name of a firm's matters in step with the client topic.
     *
     * @param firmId       tenant id
     * @param clientClioId Clio contact id
     * @param name         the client's current name
     */
    public void renameClient(String firmId, long clientClioId, String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE matter SET client_name = ? WHERE firm_id = ? AND client_clio_id = ? "
                        + "AND client_name IS DISTINCT FROM ?")) {
            s.setString(1, name);
            s.setString(2, firmId);
            s.setLong(3, clientClioId);
            s.setString(4, name);
            s.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("Renaming client " + firmId + ":" + clientClioId + " on matters", e);
        }
    }

    /**
     * @param firmId tenant id (the caller's)
     * @param clioId Clio matter id
     * @return the matter, empty if this firm has no such matter in the cache
     */
    public Optional<MatterRecord> find(String firmId, long clioId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM matter WHERE firm_id = ? AND clio_id = ?")) {
            s.setString(1, firmId);
            s.setLong(2, clioId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("Reading matter " + clioId, e);
        }
    }

    /**
     * Ranked search: exact display number first, then prefix matches, then substring matches (each by display
     * number), then typo-tolerant (pg_trgm word similarity) matches, most similar first.
     *
     * @param firmId   tenant id (the caller's)
     * @param text     the user's text, folded by the database (accents, case, punctuation); blank lists all
     * @param statuses statuses to include, not empty
     * @param limit    rows to return
     * @param offset   rows to skip
     * @return the page of hits
     */
    public List<MatterHit> search(String firmId, String text, Set<MatterStatus> statuses, int limit, long offset) {
        try (Connection c = dataSource.getConnection()) {
            SearchQuery q = Folding.fold(c, text);
            Array statusArray = c.createArrayOf("text", statuses.stream().map(Enum::name).toArray());
            return q.blank() ? browse(c, firmId, statusArray, limit, offset)
                    : rank(c, firmId, q, statusArray, limit, offset);
        } catch (SQLException e) {
            throw Sql.failure("Matter search", e);
        }
    }

    private List<MatterHit> browse(Connection c, String firmId, Array statuses, int limit, long offset)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT clio_id, display_number, description, status, client_clio_id, client_name, billable,
                    2 AS tier, 0.0 AS score
                FROM matter WHERE firm_id = ? AND status = ANY (?)
                ORDER BY display_key, clio_id LIMIT ? OFFSET ?""")) {
            s.setString(1, firmId);
            s.setArray(2, statuses);
            s.setInt(3, limit);
            s.setLong(4, offset);
            return hits(s);
        }
    }

    /**
     * Two phases, so the common case stays on cheap index lookups: first the exact, prefix and substring matches
     * (ranked exact, prefix, substring; then by display number); only if they do not fill the page, the typo-tolerant
     * matches (pg_trgm word similarity, the costlier query) that are not already among them, most similar first.
     */
    private List<MatterHit> rank(Connection c, String firmId, SearchQuery q, Array statuses, int limit, long offset)
            throws SQLException {
        List<String> params = new ArrayList<>();
        String direct = directCondition(q, params);
        List<MatterHit> hits;
        String sql = """
                SELECT m.clio_id, m.display_number, m.description, m.status, m.client_clio_id, m.client_name,
                    m.billable,
                    CASE WHEN m.display_key = ? OR (? <> '' AND m.number_key = ?) THEN 0
                         WHEN m.display_key LIKE ? OR m.search_words @@ to_tsquery('simple', ?) THEN 1
                         ELSE 2 END AS tier,
                    0.0 AS score
                FROM matter m
                WHERE m.firm_id = ? AND m.status = ANY (?) AND (%s)
                ORDER BY tier, m.display_key, m.clio_id
                LIMIT ? OFFSET ?""".formatted(direct);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, q.folded());
            s.setString(i++, q.numberKey());
            s.setString(i++, q.numberKey());
            s.setString(i++, q.folded() + "%");
            s.setString(i++, q.prefixTsQuery());
            s.setString(i++, firmId);
            s.setArray(i++, statuses);
            for (String p : params) {
                s.setString(i++, p);
            }
            s.setInt(i++, limit);
            s.setLong(i, offset);
            hits = new ArrayList<>(hits(s));
        }
        if (hits.size() >= limit || !q.fuzzySearchable()) {
            return hits;
        }
        long directTotal = hits.isEmpty() && offset > 0 ? countDirect(c, firmId, q, statuses) : offset + hits.size();
        long fuzzyOffset = Math.max(0, offset - directTotal);
        try (PreparedStatement s = c.prepareStatement("""
                SELECT m.clio_id, m.display_number, m.description, m.status, m.client_clio_id, m.client_name,
                    m.billable, 2 AS tier, word_similarity(?, m.search_text) AS score
                FROM matter m
                WHERE m.firm_id = ? AND m.status = ANY (?) AND ? <%% m.search_text AND NOT (%s)
                ORDER BY score DESC, m.display_key, m.clio_id
                LIMIT ? OFFSET ?""".formatted(direct))) {
            int i = 1;
            s.setString(i++, q.folded());
            s.setString(i++, firmId);
            s.setArray(i++, statuses);
            s.setString(i++, q.folded());
            for (String p : params) {
                s.setString(i++, p);
            }
            s.setInt(i++, limit - hits.size());
            s.setLong(i, fuzzyOffset);
            hits.addAll(hits(s));
        }
        return hits;
    }

    private long countDirect(Connection c, String firmId, SearchQuery q, Array statuses) throws SQLException {
        List<String> params = new ArrayList<>();
        String direct = directCondition(q, params);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM matter m WHERE m.firm_id = ? AND m.status = ANY (?) AND (" + direct + ")")) {
            int i = 1;
            s.setString(i++, firmId);
            s.setArray(i++, statuses);
            for (String p : params) {
                s.setString(i++, p);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Exact, prefix and substring conditions (all served by indexes); adds their parameters to {@code params}. */
    private static String directCondition(SearchQuery q, List<String> params) {
        StringBuilder where = new StringBuilder("m.search_words @@ to_tsquery('simple', ?) OR m.display_key LIKE ?");
        params.add(q.prefixTsQuery());
        params.add(q.folded() + "%");
        if (!q.numberKey().isEmpty()) {
            where.append(" OR m.number_key = ?");
            params.add(q.numberKey());
        }
        if (q.substringSearchable()) {
            where.append(" OR (");
            for (int w = 0; w < q.words().size(); w++) {
                where.append(w == 0 ? "" : " AND ").append("m.search_text LIKE ?");
                params.add("%" + q.words().get(w) + "%");
            }
            where.append(')');
        }
        return where.toString();
    }

    private static List<MatterHit> hits(PreparedStatement s) throws SQLException {
        List<MatterHit> hits = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                hits.add(new MatterHit(rs.getLong("clio_id"), rs.getString("display_number"),
                        rs.getString("description"), MatterStatus.valueOf(rs.getString("status")),
                        Sql.getLong(rs, "client_clio_id"), rs.getString("client_name"), rs.getBoolean("billable"),
                        MatchKind.ofTier(rs.getInt("tier")), rs.getDouble("score")));
            }
        }
        return hits;
    }

    private static MatterRecord read(ResultSet rs) throws SQLException {
        String customRate = rs.getString("custom_rate");
        return new MatterRecord(rs.getString("firm_id"), rs.getLong("clio_id"), rs.getString("display_number"),
                rs.getString("description"), MatterStatus.valueOf(rs.getString("status")),
                Sql.getLong(rs, "client_clio_id"), rs.getString("client_name"),
                Sql.getLong(rs, "responsible_attorney_clio_id"), rs.getString("responsible_attorney_name"),
                rs.getBoolean("billable"), Sql.getDate(rs, "open_date"), Sql.getDate(rs, "pending_date"),
                Sql.getDate(rs, "close_date"), customRate == null ? null : customRate(customRate),
                Sql.getInstant(rs, "clio_updated_at"), rs.getString("clio_etag"),
                Sql.getInstant(rs, "applied_at"));
    }

    private static String json(MatterCustomRate rate) {
        try {
            return EventJson.mapper().writeValueAsString(rate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Custom rate is not serialisable", e);
        }
    }

    private static MatterCustomRate customRate(String json) {
        try {
            return EventJson.mapper().readValue(json, MatterCustomRate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored custom rate is unreadable: " + json, e);
        }
    }
}
