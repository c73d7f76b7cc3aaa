package com.caseclock.timeentry.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads and writes {@link FirmSettings} rows. */
@ApplicationScoped
public class FirmSettingsRepository {

    private final EntityManager em;

    FirmSettingsRepository(EntityManager em) {
        this.em = em;
    }

    /** @return the stored settings of the firm, if any */
    public Optional<FirmSettings> find(String firmId) {
        return Optional.ofNullable(em.find(FirmSettings.class, firmId));
    }

    /** Inserts settings. */
    public void persist(FirmSettings settings) {
        em.persist(settings);
    }

    /** Writes pending changes now (a stale version fails here). */
    public void flush() {
        em.flush();
    }
}
