package com.caseclock.timeentry.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;
import com.caseclock.timeentry.repository.FirmSettings;
import com.caseclock.timeentry.repository.FirmSettingsRepository;

/** Reads and changes a firm's settings (rounding preview, closed-matter policy, timers per user). */
@ApplicationScoped
public class FirmSettingsService {

    private final FirmSettingsRepository repository;
    private final Clock clock;

    FirmSettingsService(FirmSettingsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** @return the firm's settings, or the defaults (version 0, unsaved) if it never changed them */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FirmSettings current(String firmId) {
        return repository.find(firmId).orElseGet(() -> FirmSettings.defaults(firmId));
    }

    /**
     * Replaces the caller's firm settings (firm admins only).
     *
     * @param expectedVersion the version the caller read (0 for never-saved defaults; the first save keeps 0)
     * @return the saved settings
     * @throws ProblemException 403 when the caller is not a firm admin, 412 when the settings changed since
     */
    @Transactional
    public FirmSettings update(Caller caller, long expectedVersion, @Valid FirmSettingsChange change) {
        if (!caller.isFirmAdmin()) {
            throw new ProblemException(403, "Forbidden", "Only a firm administrator may change firm settings.");
        }
        FirmSettings settings = repository.find(caller.firmId()).orElse(null);
        boolean fresh = settings == null;
        if (fresh) {
            if (expectedVersion != 0) {
                throw Preconditions.stale(0);
            }
            settings = FirmSettings.defaults(caller.firmId());
        } else if (settings.version != expectedVersion) {
            throw Preconditions.stale(settings.version);
        }
        settings.roundingIncrementMinutes = change.roundingIncrementMinutes();
        settings.roundingDirection = change.roundingDirection();
        settings.allowClosedMatters = change.allowClosedMatters();
        settings.maxRunningTimers = change.maxRunningTimers();
        settings.updatedAt = clock.instant();
        settings.updatedBy = caller.userId();
        if (fresh) {
            repository.persist(settings);
        }
        try {
            repository.flush();
        } catch (OptimisticLockException | org.hibernate.exception.ConstraintViolationException e) {
            throw Preconditions.lostRace();
        }
        return settings;
    }
}
