package com.caseclock.timeentry.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.repository.TimeEntryRepository;

/**
 * Finds an entry the caller may see: their own, or any of their firm for a firm admin. Anything else (unknown id,
 * another firm's entry, a colleague's entry for a lawyer) is the same 404, so existence never leaks.
 */
@ApplicationScoped
public class EntryAccess {

    private final TimeEntryRepository entries;

    EntryAccess(TimeEntryRepository entries) {
        this.entries = entries;
    }

    /**
     * @return the entry
     * @throws ProblemException 404 when it does not exist or the caller may not see it
     */
    public TimeEntry visible(Caller caller, UUID id) {
        return entries.find(id).filter(e -> caller.canSee(e.firmId, e.userId))
                .orElseThrow(() -> ProblemException.notFound("Time entry " + id));
    }

    /**
     * Checks the caller's precondition version (If-Match) against the entry.
     *
     * @param expectedVersion the version the caller last saw
     * @throws ProblemException 412 when the entry changed since
     */
    public static void requireVersion(TimeEntry entry, long expectedVersion) {
        if (entry.version != expectedVersion) {
            throw Preconditions.stale(entry.version);
        }
    }
}
