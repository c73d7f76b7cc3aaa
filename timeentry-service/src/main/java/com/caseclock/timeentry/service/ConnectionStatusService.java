package com.caseclock.timeentry.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.events.ConnectionStatusChangedV1;
import com.caseclock.service.security.Caller;
import com.caseclock.timeentry.repository.ConnectionRow;
import com.caseclock.timeentry.repository.ConnectionStatusRepository;

/** Keeps the latest Clio connection state per user and answers the caller's own. */
@ApplicationScoped
public class ConnectionStatusService {

    private final ConnectionStatusRepository repository;

    ConnectionStatusService(ConnectionStatusRepository repository) {
        this.repository = repository;
    }

    /** Stores the state unless a later one is already stored. @return {@code true} if stored */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean changed(ConnectionStatusChangedV1 event) {
        return repository.upsertIfNewer(event);
    }

    /** @return the caller's latest connection state, empty if none was ever received */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConnectionRow> of(Caller caller) {
        return repository.find(caller.firmId(), caller.userId());
    }
}
