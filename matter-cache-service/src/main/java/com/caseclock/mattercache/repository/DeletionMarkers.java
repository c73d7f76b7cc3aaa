package com.caseclock.mattercache.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The {@code deletion_marker} table: what a tombstone leaves behind so that a stale snapshot arriving after it (a
 * redelivery, a replay of an older record) cannot resurrect the deleted record. A snapshot is applied only if its
 * {@code clio_updated_at} is strictly newer than the marker's {@code deleted_at}.
 */
final class DeletionMarkers {

    /** SQL condition (3 parameters: firm id, kind, Clio id, then the snapshot's updated-at) to append to an upsert. */
    static final String NOT_DELETED_SINCE = "NOT EXISTS (SELECT 1 FROM deletion_marker d WHERE d.firm_id = ? "
            + "AND d.kind = ? AND d.clio_id = ? AND d.deleted_at >= ?)";

    private static final String UPSERT = "INSERT INTO deletion_marker (firm_id, kind, clio_id, deleted_at) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (firm_id, kind, clio_id) DO UPDATE "
            + "SET deleted_at = GREATEST(deletion_marker.deleted_at, excluded.deleted_at)";

    private DeletionMarkers() {
    }

    static void mark(Connection c, String firmId, String kind, long clioId, Instant deletedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            s.setString(1, firmId);
            s.setString(2, kind);
            s.setLong(3, clioId);
            Sql.setInstant(s, 4, deletedAt);
            s.executeUpdate();
        }
    }

    /**
     * Binds {@link #NOT_DELETED_SINCE} starting at {@code index}.
     *
     * @return the next free parameter index
     */
    static int bind(PreparedStatement s, int index, String firmId, String kind, long clioId, Instant updatedAt)
            throws SQLException {
        s.setString(index, firmId);
        s.setString(index + 1, kind);
        s.setLong(index + 2, clioId);
        Sql.setInstant(s, index + 3, updatedAt);
        return index + 4;
    }

    /** Deletes a projection row and marks it deleted, in the caller's transaction. */
    static void delete(Connection c, String table, String idColumn, String firmId, String kind, long clioId,
            Instant deletedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM " + table + " WHERE firm_id = ? AND " + idColumn + " = ?")) {
            s.setString(1, firmId);
            s.setLong(2, clioId);
            s.executeUpdate();
        }
        mark(c, firmId, kind, clioId, deletedAt);
    }
}
