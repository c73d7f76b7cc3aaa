package com.caseclock.timeentry.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads and writes {@link Timer} rows. */
@ApplicationScoped
public class TimerRepository {

    private final EntityManager em;

    TimerRepository(EntityManager em) {
        this.em = em;
    }

    /** @return the timer with that id, of any user */
    public Optional<Timer> find(UUID id) {
        return Optional.ofNullable(em.find(Timer.class, id));
    }

    /** Inserts a timer. */
    public void persist(Timer timer) {
        em.persist(timer);
    }

    /** @return the user's running and paused timers, oldest first */
    public List<Timer> active(String firmId, String userId) {
        return em.createQuery("from Timer t where t.firmId = :firm and t.userId = :user and t.state <> :stopped"
                + " order by t.startedAt, t.id", Timer.class)
                .setParameter("firm", firmId).setParameter("user", userId)
                .setParameter("stopped", TimerState.STOPPED)
                .getResultList();
    }

    /**
     * Serialises timer changes of one user until the transaction ends (PostgreSQL advisory lock), so two concurrent
     * starts cannot both pass the running-timer limit. Must run inside a transaction.
     */
    public void lockUser(String firmId, String userId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, firmId + ":" + userId).getSingleResult();
    }
}
