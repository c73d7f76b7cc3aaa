package com.caseclock.timeentry.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.caseclock.events.ConnectionStatusChangedV1;

/** Latest connection state per user (table {@code connection_status}), from {@code connector.connection.status.v1}. */
@ApplicationScoped
public class ConnectionStatusRepository {

    private final EntityManager em;

    ConnectionStatusRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores the state unless a state that occurred later (or at the same instant) is already stored.
     *
     * @return {@code true} if stored
     */
    public boolean upsertIfNewer(ConnectionStatusChangedV1 e) {
        return em.createNativeQuery("""
                INSERT INTO connection_status (firm_id, user_id, state, region, clio_user_id, clio_account_id, reason,
                                               last_successful_sync_at, occurred_at, event_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                ON CONFLICT (firm_id, user_id) DO UPDATE SET state = EXCLUDED.state, region = EXCLUDED.region,
                    clio_user_id = EXCLUDED.clio_user_id, clio_account_id = EXCLUDED.clio_account_id,
                    reason = EXCLUDED.reason, last_successful_sync_at = EXCLUDED.last_successful_sync_at,
                    occurred_at = EXCLUDED.occurred_at, event_id = EXCLUDED.event_id
                WHERE connection_status.occurred_at < EXCLUDED.occurred_at
                """)
                .setParameter(1, e.firmId()).setParameter(2, e.userId()).setParameter(3, e.state().name())
                .setParameter(4, e.region() == null ? "" : e.region())
                .setParameter(5, e.clioUserId() == null ? -1L : e.clioUserId())
                .setParameter(6, e.clioAccountId() == null ? -1L : e.clioAccountId())
                .setParameter(7, e.reason() == null ? "" : e.reason())
                .setParameter(8, ts(e.lastSuccessfulSyncAt()))
                .setParameter(9, Timestamp.from(e.occurredAt()))
                .setParameter(10, e.eventId())
                .executeUpdate() > 0;
    }

    /** @return the user's latest state, if any was received */
    public Optional<ConnectionRow> find(String firmId, String userId) {
        List<?> rows = em.createNativeQuery("SELECT state, region, clio_user_id, reason, last_successful_sync_at,"
                + " occurred_at FROM connection_status WHERE firm_id = ?1 AND user_id = ?2")
                .setParameter(1, firmId).setParameter(2, userId).getResultList();
        return rows.stream().map(o -> row((Object[]) o)).findFirst();
    }

    /**
     * @param firmId the firm
     * @param limit  most users to return
     * @return the latest state of each user of the firm a state was received for, by user id (ascending)
     */
    public Map<String, ConnectionRow> forFirm(String firmId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT state, region, clio_user_id, reason, last_successful_sync_at,"
                + " occurred_at, user_id FROM connection_status WHERE firm_id = ?1 ORDER BY user_id LIMIT ?2")
                .setParameter(1, firmId).setParameter(2, limit).getResultList();
        Map<String, ConnectionRow> byUser = new LinkedHashMap<>();
        rows.forEach(o -> byUser.put((String) ((Object[]) o)[6], row((Object[]) o)));
        return byUser;
    }

    private static ConnectionRow row(Object[] r) {
        long clioUser = ((Number) r[2]).longValue();
        return new ConnectionRow((String) r[0], blankToNull((String) r[1]), clioUser < 0 ? null : clioUser,
                blankToNull((String) r[3]), instant(r[4]), instant(r[5]));
    }

    private static Timestamp ts(Instant instant) {
        // A sentinel for "never" keeps the native parameter typed; read back as null.
        return Timestamp.from(instant == null ? Instant.EPOCH : instant);
    }

    private static Instant instant(Object value) {
        Instant i = value instanceof Timestamp t ? t.toInstant() : value instanceof Instant in ? in
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
        return i == null || i.equals(Instant.EPOCH) ? null : i;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
