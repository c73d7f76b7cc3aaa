package com.caseclock.timeentry.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/** Reads and writes {@link TimeEntry} rows. */
@ApplicationScoped
public class TimeEntryRepository {

    private final EntityManager em;

    TimeEntryRepository(EntityManager em) {
        this.em = em;
    }

    /** @return the entry with that id, of any firm */
    public Optional<TimeEntry> find(UUID id) {
        return Optional.ofNullable(em.find(TimeEntry.class, id));
    }

    /** Inserts a new entry. */
    public void persist(TimeEntry entry) {
        em.persist(entry);
    }

    /** Deletes an entry. */
    public void delete(TimeEntry entry) {
        em.remove(entry);
    }

    /** Writes pending changes now, so the version is incremented and a stale write fails here. */
    public void flush() {
        em.flush();
    }

    /**
     * @param filter filters
     * @param offset first row (0-based)
     * @param limit  most rows
     * @return matching entries, newest work date first, then newest created
     */
    public List<TimeEntry> list(EntryFilter filter, int offset, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, params);
        TypedQuery<TimeEntry> q = em.createQuery("from TimeEntry e where " + where
                + " order by e.workDate desc, e.createdAt desc, e.id", TimeEntry.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** @return how many entries match */
    public long count(EntryFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        var q = em.createQuery("select count(e) from TimeEntry e where " + where(filter, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** @return total seconds per work date of the matching entries, ascending by date */
    public Map<LocalDate, Long> secondsPerDay(EntryFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        var q = em.createQuery("select e.workDate, sum(e.durationSeconds) from TimeEntry e where "
                + where(filter, params) + " group by e.workDate order by e.workDate", Object[].class);
        params.forEach(q::setParameter);
        Map<LocalDate, Long> totals = new LinkedHashMap<>();
        for (Object[] row : q.getResultList()) {
            totals.put((LocalDate) row[0], ((Number) row[1]).longValue());
        }
        return totals;
    }

    /**
     * Entries of a firm waiting for a matter whose pending reference equals a display number (trimmed,
     * case-insensitive).
     *
     * @return the matching draft entries, locked for update
     */
    public List<TimeEntry> pendingFor(String firmId, String displayNumber) {
        return em.createQuery("from TimeEntry e where e.firmId = :firm and e.matterId is null"
                + " and e.status = :draft and lower(trim(e.pendingMatterReference)) = :ref", TimeEntry.class)
                .setParameter("firm", firmId)
                .setParameter("draft", EntryStatus.DRAFT)
                .setParameter("ref", displayNumber.trim().toLowerCase(java.util.Locale.ROOT))
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private static String where(EntryFilter f, Map<String, Object> params) {
        List<String> clauses = new ArrayList<>();
        clauses.add("e.firmId = :firm");
        params.put("firm", f.firmId());
        if (f.userId() != null) {
            clauses.add("e.userId = :user");
            params.put("user", f.userId());
        }
        if (f.from() != null) {
            clauses.add("e.workDate >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            clauses.add("e.workDate <= :to");
            params.put("to", f.to());
        }
        if (f.status() != null) {
            clauses.add("e.status = :status");
            params.put("status", f.status());
        }
        if (f.matterId() != null) {
            clauses.add("e.matterId = :matter");
            params.put("matter", f.matterId());
        }
        if (f.unassigned()) {
            clauses.add("e.matterId is null");
        }
        return String.join(" and ", clauses);
    }
}
