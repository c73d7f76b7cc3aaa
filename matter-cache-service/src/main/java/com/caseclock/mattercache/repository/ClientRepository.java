package com.caseclock.mattercache.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.events.ClientSnapshot;
import com.caseclock.events.ContactType;

import io.agroal.api.AgroalDataSource;

/** The {@code client} table: version-guarded upserts and deletes, lookups by id and the ranked search, per firm. */
@ApplicationScoped
public class ClientRepository {

    static final String KIND = "client";

    private static final String UPSERT = """
            INSERT INTO client (firm_id, clio_id, type, name, first_name, last_name, primary_email, clio_updated_at,
                clio_etag, last_event_id, event_occurred_at, applied_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()
            WHERE %s
            ON CONFLICT (firm_id, clio_id) DO UPDATE SET
                type = excluded.type, name = excluded.name, first_name = excluded.first_name,
                last_name = excluded.last_name, primary_email = excluded.primary_email,
                clio_updated_at = excluded.clio_updated_at, clio_etag = excluded.clio_etag,
                last_event_id = excluded.last_event_id, event_occurred_at = excluded.event_occurred_at,
                applied_at = excluded.applied_at
            WHERE %s
            """.formatted(DeletionMarkers.NOT_DELETED_SINCE, VersionGuard.newerThanStored("client"));

    private static final String COLUMNS = "firm_id, clio_id, type, name, first_name, last_name, primary_email, "
            + "clio_updated_at, clio_etag";

    private final AgroalDataSource dataSource;

    ClientRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies a client snapshot if it is newer than the stored one and than any deletion. Caller's transaction. Newer:
     * see {@link VersionGuard}.
     *
     * @param firmId  tenant id
     * @param client  the snapshot
     * @param eventId id of the event that carried it
     * @param occurredAt when the connector published it (the event's {@code occurredAt})
     * @return {@link ApplyOutcome#STALE} when nothing changed
     */
    public ApplyOutcome upsert(String firmId, ClientSnapshot client, UUID eventId, Instant occurredAt) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            int i = 1;
            s.setString(i++, firmId);
            s.setLong(i++, client.clioId());
            s.setString(i++, client.type().name());
            s.setString(i++, client.name());
            s.setString(i++, client.firstName());
            s.setString(i++, client.lastName());
            s.setString(i++, client.primaryEmail());
            Sql.setInstant(s, i++, client.clioUpdatedAt());
            s.setString(i++, client.clioEtag());
            s.setObject(i++, eventId);
            Sql.setInstant(s, i++, occurredAt);
            DeletionMarkers.bind(s, i, firmId, KIND, client.clioId(), client.clioUpdatedAt());
            return s.executeUpdate() == 1 ? ApplyOutcome.APPLIED : ApplyOutcome.STALE;
        } catch (SQLException e) {
            throw Sql.failure("Upsert of client " + firmId + ":" + client.clioId(), e);
        }
    }

    /**
     * Deletes a client (tombstone) and leaves a deletion marker at {@code deletedAt}.
     *
     * @param firmId    tenant id
     * @param clioId    Clio contact id
     * @param deletedAt the tombstone's time
     */
    public void delete(String firmId, long clioId, Instant deletedAt) {
        try (Connection c = dataSource.getConnection()) {
            DeletionMarkers.delete(c, "client", "clio_id", firmId, KIND, clioId, deletedAt);
        } catch (SQLException e) {
            throw Sql.failure("Delete of client " + firmId + ":" + clioId, e);
        }
    }

    /**
     * @param firmId tenant id (the caller's)
     * @param clioId Clio contact id
     * @return the client, empty if this firm has no such client in the cache
     */
    public Optional<ClientRecord> find(String firmId, long clioId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + ", NULL::int AS tier FROM client WHERE firm_id = ? AND clio_id = ?")) {
            s.setString(1, firmId);
            s.setLong(2, clioId);
            List<ClientRecord> rows = rows(s);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        } catch (SQLException e) {
            throw Sql.failure("Reading client " + clioId, e);
        }
    }

    /**
     * Ranked client search by name, first/last name and e-mail: exact name, then prefix, then substring/typo-tolerant.
     *
     * @param firmId tenant id (the caller's)
     * @param text   the user's text; blank lists all clients by name
     * @param limit  rows to return
     * @param offset rows to skip
     * @return the page of clients
     */
    public List<ClientRecord> search(String firmId, String text, int limit, long offset) {
        try (Connection c = dataSource.getConnection()) {
            SearchQuery q = Folding.fold(c, text);
            if (q.blank()) {
                try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", 2 AS tier FROM client "
                        + "WHERE firm_id = ? ORDER BY mc_fold(name), clio_id LIMIT ? OFFSET ?")) {
                    s.setString(1, firmId);
                    s.setInt(2, limit);
                    s.setLong(3, offset);
                    return rows(s);
                }
            }
            List<String> params = new ArrayList<>();
            StringBuilder where = new StringBuilder("search_words @@ to_tsquery('simple', ?)");
            params.add(q.prefixTsQuery());
            if (q.substringSearchable()) {
                where.append(" OR (");
                for (int w = 0; w < q.words().size(); w++) {
                    where.append(w == 0 ? "" : " AND ").append("search_text LIKE ?");
                    params.add("%" + q.words().get(w) + "%");
                }
                where.append(')');
            }
            if (q.fuzzySearchable()) {
                where.append(" OR ? <% search_text");
                params.add(q.folded());
            }
            String sql = """
                    SELECT %s,
                        CASE WHEN mc_fold(name) = ? THEN 0
                             WHEN search_words @@ to_tsquery('simple', ?) THEN 1 ELSE 2 END AS tier
                    FROM client WHERE firm_id = ? AND (%s)
                    ORDER BY tier, word_similarity(?, search_text) DESC, mc_fold(name), clio_id
                    LIMIT ? OFFSET ?""".formatted(COLUMNS, where);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, q.folded());
                s.setString(i++, q.prefixTsQuery());
                s.setString(i++, firmId);
                for (String p : params) {
                    s.setString(i++, p);
                }
                s.setString(i++, q.folded());
                s.setInt(i++, limit);
                s.setLong(i, offset);
                return rows(s);
            }
        } catch (SQLException e) {
            throw Sql.failure("Client search", e);
        }
    }

    private static List<ClientRecord> rows(PreparedStatement s) throws SQLException {
        List<ClientRecord> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                int tier = rs.getInt("tier");
                MatchKind match = rs.wasNull() ? null : MatchKind.ofTier(tier);
                rows.add(new ClientRecord(rs.getString("firm_id"), rs.getLong("clio_id"),
                        ContactType.valueOf(rs.getString("type")), rs.getString("name"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("primary_email"),
                        Sql.getInstant(rs, "clio_updated_at"), rs.getString("clio_etag"), match));
            }
        }
        return rows;
    }
}
