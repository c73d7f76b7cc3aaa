package com.caseclock.timeentry.repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.caseclock.events.MatterSnapshot;

/**
 * The slim matter projection (table {@code matter_projection}), fed from {@code clio.matter.changed.v1}. Native SQL so
 * the guarded upsert is one statement.
 */
@ApplicationScoped
public class MatterProjectionRepository {

    private final EntityManager em;

    MatterProjectionRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Inserts the matter, or updates it when the snapshot is newer than the stored one: a later {@code clioUpdatedAt},
     * or the same one with other values (Clio's {@code updated_at} has whole seconds: of two changes within one
     * second, the later one on the partition wins; a strictly-later rule dropped it).
     *
     * @return {@code true} if the row was inserted or changed, {@code false} if the snapshot was stale or equal
     */
    public boolean upsertIfNewer(String firmId, MatterSnapshot m) {
        int rows = em.createNativeQuery("""
                INSERT INTO matter_projection (firm_id, clio_id, display_number, description, client_name, status,
                                               clio_updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (firm_id, clio_id) DO UPDATE SET display_number = EXCLUDED.display_number,
                    description = EXCLUDED.description, client_name = EXCLUDED.client_name,
                    status = EXCLUDED.status, clio_updated_at = EXCLUDED.clio_updated_at
                WHERE matter_projection.clio_updated_at < EXCLUDED.clio_updated_at
                    OR matter_projection.clio_updated_at = EXCLUDED.clio_updated_at
                        AND (matter_projection.display_number, matter_projection.description,
                             matter_projection.client_name, matter_projection.status)
                            IS DISTINCT FROM (EXCLUDED.display_number, EXCLUDED.description, EXCLUDED.client_name,
                                              EXCLUDED.status)
                """)
                .setParameter(1, firmId).setParameter(2, m.clioId()).setParameter(3, m.displayNumber())
                .setParameter(4, m.description()).setParameter(5, m.clientName() == null ? "" : m.clientName())
                .setParameter(6, m.status().name()).setParameter(7, Timestamp.from(m.clioUpdatedAt()))
                .executeUpdate();
        return rows > 0;
    }

    /** Deletes a matter (tombstone). @return {@code true} if a row was deleted */
    public boolean delete(String firmId, long clioId) {
        return em.createNativeQuery("DELETE FROM matter_projection WHERE firm_id = ?1 AND clio_id = ?2")
                .setParameter(1, firmId).setParameter(2, clioId).executeUpdate() > 0;
    }

    /** @return the matter of that firm, if projected */
    public Optional<MatterRow> find(String firmId, long clioId) {
        List<?> rows = em.createNativeQuery("SELECT clio_id, display_number, description, client_name, status"
                + " FROM matter_projection WHERE firm_id = ?1 AND clio_id = ?2")
                .setParameter(1, firmId).setParameter(2, clioId).getResultList();
        return rows.stream().map(r -> row((Object[]) r)).findFirst();
    }

    /** @return the matter of that firm whose display number equals the reference (trimmed, case-insensitive) */
    public Optional<MatterRow> findByDisplayNumber(String firmId, String reference) {
        List<?> rows = em.createNativeQuery("SELECT clio_id, display_number, description, client_name, status"
                + " FROM matter_projection WHERE firm_id = ?1 AND lower(btrim(display_number)) = lower(btrim(?2))"
                + " ORDER BY clio_id LIMIT 1")
                .setParameter(1, firmId).setParameter(2, reference).getResultList();
        return rows.stream().map(r -> row((Object[]) r)).findFirst();
    }

    /**
     * Candidate matters for a free-text reference: open or pending matters of the firm whose display number,
     * description or client contains the reference (case-insensitive), exact display-number matches first, then
     * prefix matches, then the rest; without a reference, the firm's open matters by display number.
     *
     * @param reference free text, may be {@code null}
     * @param limit     most rows
     */
    public List<MatterRow> candidates(String firmId, String reference, int limit) {
        String ref = reference == null ? "" : reference.trim();
        String like = "%" + escape(ref) + "%";
        String prefix = escape(ref) + "%";
        List<?> rows = em.createNativeQuery("""
                SELECT clio_id, display_number, description, client_name, status FROM matter_projection
                WHERE firm_id = ?1 AND status <> 'CLOSED'
                  AND (?2 = '' OR display_number ILIKE ?3 OR description ILIKE ?3 OR client_name ILIKE ?3)
                ORDER BY CASE WHEN lower(display_number) = lower(?2) THEN 0
                              WHEN display_number ILIKE ?4 THEN 1
                              WHEN display_number ILIKE ?3 THEN 2 ELSE 3 END, display_number, clio_id
                LIMIT ?5
                """)
                .setParameter(1, firmId).setParameter(2, ref).setParameter(3, like).setParameter(4, prefix)
                .setParameter(5, limit).getResultList();
        return rows.stream().map(r -> row((Object[]) r)).toList();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static MatterRow row(Object[] r) {
        String client = (String) r[3];
        return new MatterRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                client == null || client.isEmpty() ? null : client, (String) r[4]);
    }
}
