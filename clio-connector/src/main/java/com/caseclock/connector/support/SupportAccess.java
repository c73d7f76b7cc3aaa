package com.caseclock.connector.support;

import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;

/**
 * Who may use the support API: role {@code support} sees every firm; a firm administrator only their own firm (a
 * record or firm of another firm answers 404, so its existence does not leak); anyone else gets 403.
 */
public final class SupportAccess {

    private SupportAccess() {
    }

    /**
     * @return the firm the caller is confined to, or {@code null} for support (every firm)
     * @throws ProblemException 403 for a caller who is neither support nor a firm administrator
     */
    public static String scope(Caller caller) {
        if (caller.isSupport()) {
            return null;
        }
        if (caller.isFirmAdmin()) {
            return caller.firmId();
        }
        throw new ProblemException(403, "Forbidden", "Only CaseClock support and firm administrators may use the "
                + "support tooling.");
    }

    /**
     * @param firmId the firm asked about (may be {@code null} for support: every firm)
     * @return the firm to work on: {@code firmId} for support, the caller's own firm for a firm admin
     * @throws ProblemException 404 when a firm admin names another firm, 403 as {@link #scope(Caller)}
     */
    public static String firm(Caller caller, String firmId) {
        String scope = scope(caller);
        if (scope == null) {
            return firmId;
        }
        if (firmId != null && !firmId.equals(scope)) {
            throw ProblemException.notFound("Firm " + firmId);
        }
        return scope;
    }

    /**
     * @param ownerFirmId the firm of a record ({@code ""} or {@code null} when unknown)
     * @param what        the record in plain words, for the 404
     * @throws ProblemException 404 when the caller may not see the record
     */
    public static void check(Caller caller, String ownerFirmId, String what) {
        String scope = scope(caller);
        if (scope != null && !scope.equals(ownerFirmId)) {
            throw ProblemException.notFound(what);
        }
    }
}
