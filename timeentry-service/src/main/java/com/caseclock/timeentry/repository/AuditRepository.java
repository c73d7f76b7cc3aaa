package com.caseclock.timeentry.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The audit trail table {@code time_entry_audit}; rows are only ever appended. */
@ApplicationScoped
public class AuditRepository {

    private final EntityManager em;

    AuditRepository(EntityManager em) {
        this.em = em;
    }

    /** Appends one line, in the caller's transaction. */
    public void append(UUID entryId, String firmId, AuditRow row) {
        em.createNativeQuery("""
                INSERT INTO time_entry_audit (entry_id, firm_id, at, actor, action, details, event_sent, event_received)
                VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), CAST(NULLIF(?7, '') AS uuid), CAST(NULLIF(?8, '') AS uuid))
                """)
                .setParameter(1, entryId).setParameter(2, firmId).setParameter(3, Timestamp.from(row.at()))
                .setParameter(4, row.actor()).setParameter(5, row.action()).setParameter(6, row.detailsJson())
                .setParameter(7, row.eventSent() == null ? "" : row.eventSent().toString())
                .setParameter(8, row.eventReceived() == null ? "" : row.eventReceived().toString())
                .executeUpdate();
    }

    /** @return the entry's trail, oldest first */
    public List<AuditRow> trail(UUID entryId) {
        List<?> rows = em.createNativeQuery("SELECT at, actor, action, CAST(details AS text), event_sent,"
                + " event_received FROM time_entry_audit WHERE entry_id = ?1 ORDER BY id")
                .setParameter(1, entryId).getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new AuditRow(instant(r[0]), (String) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                    (UUID) r[5]);
        }).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }
}
