package com.caseclock.mattercache.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The {@code matter} table: version-guarded upserts and deletes from the matter topic and lookups by id (the ranked
 * search is {@link MatterSearchRepository}). Every method is scoped by firm.
 */
@ApplicationScoped
public class MatterRepository {

    static final String KIND = "matter";
    /** Advisory lock key of {@link #lockClientNames()}. */
    private static final long CLIENT_NAME_LOCK = 7_000_001L;

    /**
     * One statement for a whole batch: the snapshots arrive as arrays (one per column) and are unnested into rows,
     * so the statement-level triggers (the search dictionary) run once per batch and PostgreSQL parses, plans and
     * round-trips once instead of once per matter.
     */
    /** Orders snapshots of one matter as {@link VersionGuard} does: Clio's time, then when it was published. */
    private static final java.util.Comparator<Upsert> NEWER = java.util.Comparator
            .comparing((Upsert u) -> u.matter().clioUpdatedAt())
            .thenComparing(Upsert::occurredAt, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));

    private static final String UPSERT = """
            INSERT INTO matter (firm_id, clio_id, display_number, description, status, client_clio_id, client_name,
                responsible_attorney_clio_id, responsible_attorney_name, billable, open_date, pending_date, close_date,
                custom_rate, clio_updated_at, clio_etag, last_event_id, event_occurred_at, applied_at)
            SELECT v.firm_id, v.clio_id, v.display_number, v.description, v.status, v.client_clio_id,
                COALESCE(c.name, v.client_name), v.attorney_clio_id, v.attorney_name, v.billable, v.open_date,
                v.pending_date, v.close_date, v.custom_rate::jsonb, v.clio_updated_at, v.clio_etag, v.last_event_id,
                v.event_occurred_at, now()
            FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[],
                    ?::text[], ?::boolean[], ?::date[], ?::date[], ?::date[], ?::text[], ?::timestamptz[], ?::text[],
                    ?::uuid[], ?::timestamptz[])
                AS v(firm_id, clio_id, display_number, description, status, client_clio_id, client_name,
                    attorney_clio_id, attorney_name, billable, open_date, pending_date, close_date, custom_rate,
                    clio_updated_at, clio_etag, last_event_id, event_occurred_at)
            LEFT JOIN client c ON c.firm_id = v.firm_id AND c.clio_id = v.client_clio_id
            WHERE NOT EXISTS (SELECT 1 FROM deletion_marker d WHERE d.firm_id = v.firm_id AND d.kind = 'matter'
                AND d.clio_id = v.clio_id AND d.deleted_at >= v.clio_updated_at)
            ON CONFLICT (firm_id, clio_id) DO UPDATE SET
                display_number = excluded.display_number, description = excluded.description,
                status = excluded.status, client_clio_id = excluded.client_clio_id,
                client_name = excluded.client_name,
                responsible_attorney_clio_id = excluded.responsible_attorney_clio_id,
                responsible_attorney_name = excluded.responsible_attorney_name, billable = excluded.billable,
                open_date = excluded.open_date, pending_date = excluded.pending_date,
                close_date = excluded.close_date, custom_rate = excluded.custom_rate,
                clio_updated_at = excluded.clio_updated_at, clio_etag = excluded.clio_etag,
                last_event_id = excluded.last_event_id, event_occurred_at = excluded.event_occurred_at,
                applied_at = excluded.applied_at
            WHERE %s
            RETURNING firm_id, clio_id
            """.formatted(VersionGuard.newerThanStored("matter"));

    private static final String COLUMNS = "firm_id, clio_id, display_number, description, status, client_clio_id, "
            + "client_name, responsible_attorney_clio_id, responsible_attorney_name, billable, open_date, "
            + "pending_date, close_date, custom_rate::text AS custom_rate, clio_updated_at, clio_etag, applied_at";

    private final AgroalDataSource dataSource;

    MatterRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies a matter snapshot if it is newer than the stored one and than any deletion of the matter. Runs in the
     * caller's transaction. Newer: see {@link VersionGuard} (a matter republished because its rate amounts were read
     * again keeps Clio's time and is applied as published later).
     *
     * @param firmId  tenant id
     * @param matter  the snapshot
     * @param eventId id of the event that carried it
     * @param occurredAt when the connector published it (the event's {@code occurredAt})
     * @return {@link ApplyOutcome#STALE} when nothing changed
     * @throws IllegalStateException when the database fails
     */
    public ApplyOutcome upsert(String firmId, MatterSnapshot matter, UUID eventId, Instant occurredAt) {
        return upsertAll(List.of(new Upsert(firmId, matter, eventId, occurredAt)))[0];
    }

    /**
     * One matter snapshot to apply.
     *
     * @param firmId  tenant id
     * @param matter  the snapshot
     * @param eventId    id of the event that carried it
     * @param occurredAt when the connector published it (the event's {@code occurredAt})
     */
    public record Upsert(String firmId, MatterSnapshot matter, UUID eventId, Instant occurredAt) {
    }

    /**
     * The batch form of {@link #upsert}, in one statement. Within the batch only the newest snapshot of each matter is
     * offered to the table (of equally new ones by Clio's time, the one published last; on a full tie the last),
     * which leaves the same state as applying them one after the other; the older ones count as
     * {@link ApplyOutcome#STALE}. Runs in the caller's transaction.
     *
     * @param upserts the snapshots, in partition order
     * @return per snapshot, whether it was applied or stale
     * @throws IllegalStateException when the database fails
     */
    public ApplyOutcome[] upsertAll(List<Upsert> upserts) {
        Map<MatterKey, Integer> newest = new LinkedHashMap<>();
        for (int i = 0; i < upserts.size(); i++) {
            Upsert u = upserts.get(i);
            newest.merge(new MatterKey(u.firmId(), u.matter().clioId()), i, (kept, candidate) ->
                    NEWER.compare(upserts.get(candidate), upserts.get(kept)) >= 0 ? candidate : kept);
        }
        int n = newest.size();
        String[] firm = new String[n];
        Long[] clioId = new Long[n];
        String[] displayNumber = new String[n];
        String[] description = new String[n];
        String[] status = new String[n];
        Long[] clientId = new Long[n];
        String[] clientName = new String[n];
        Long[] attorneyId = new Long[n];
        String[] attorneyName = new String[n];
        Boolean[] billable = new Boolean[n];
        String[] openDate = new String[n];
        String[] pendingDate = new String[n];
        String[] closeDate = new String[n];
        String[] customRate = new String[n];
        String[] updatedAt = new String[n];
        String[] etag = new String[n];
        String[] eventId = new String[n];
        String[] occurredAt = new String[n];
        int row = 0;
        for (int i : newest.values()) {
            Upsert u = upserts.get(i);
            MatterSnapshot m = u.matter();
            firm[row] = u.firmId();
            clioId[row] = m.clioId();
            displayNumber[row] = m.displayNumber();
            description[row] = m.description();
            status[row] = m.status().name();
            clientId[row] = m.clientClioId();
            clientName[row] = m.clientName();
            attorneyId[row] = m.responsibleAttorneyClioId();
            attorneyName[row] = m.responsibleAttorneyName();
            billable[row] = m.billable();
            openDate[row] = text(m.openDate());
            pendingDate[row] = text(m.pendingDate());
            closeDate[row] = text(m.closeDate());
            customRate[row] = m.customRate() == null ? null : json(m.customRate());
            updatedAt[row] = text(m.clioUpdatedAt());
            etag[row] = m.clioEtag();
            eventId[row] = text(u.eventId());
            occurredAt[row] = text(u.occurredAt());
            row++;
        }
        Set<MatterKey> applied = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT)) {
            Object[][] columns = {firm, clioId, displayNumber, description, status, clientId, clientName, attorneyId,
                attorneyName, billable, openDate, pendingDate, closeDate, customRate, updatedAt, etag, eventId,
                occurredAt};
            String[] types = {"text", "int8", "text", "text", "text", "int8", "text", "int8", "text", "bool", "text",
                "text", "text", "text", "text", "text", "text", "text"};
            for (int col = 0; col < columns.length; col++) {
                s.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    applied.add(new MatterKey(rs.getString(1), rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw Sql.failure("Upsert of " + upserts.size() + " matters", e);
        }
        ApplyOutcome[] outcomes = new ApplyOutcome[upserts.size()];
        for (int i = 0; i < outcomes.length; i++) {
            MatterKey key = new MatterKey(upserts.get(i).firmId(), upserts.get(i).matter().clioId());
            outcomes[i] = newest.get(key) == i && applied.contains(key) ? ApplyOutcome.APPLIED : ApplyOutcome.STALE;
        }
        return outcomes;
    }

    private record MatterKey(String firmId, long clioId) {
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
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
