package com.caseclock.timeentry.service;

import com.caseclock.service.problem.ProblemException;

/** Problems of optimistic locking (ETag / If-Match). */
public final class Preconditions {

    private Preconditions() {
    }

    /** @return 412 problem: the resource changed since the caller read it */
    public static ProblemException stale(long currentVersion) {
        return new ProblemException(412, "Precondition failed",
                "The resource was changed by someone else (current version " + currentVersion
                        + "). Reload it and apply your change again.");
    }

    /** @return 412 problem without a known current version (lost a concurrent write) */
    public static ProblemException lostRace() {
        return new ProblemException(412, "Precondition failed",
                "The resource was changed by someone else at the same time. Reload it and apply your change again.");
    }
}
