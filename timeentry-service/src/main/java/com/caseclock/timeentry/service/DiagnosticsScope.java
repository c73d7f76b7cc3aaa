package com.caseclock.timeentry.service;

import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;

/**
 * Whose data a support diagnostics request may gather: CaseClock support names any firm ({@code firmId} required);
 * a firm admin gets their own firm (any user of it); a lawyer gets only their own data. Naming another firm (or, for a
 * lawyer, another user) answers 404, never 403, so the existence of other firms' data does not leak.
 *
 * @param firmId the firm
 * @param userId the CaseClock user, or {@code null} for the whole firm (support and firm admins only)
 */
public record DiagnosticsScope(String firmId, String userId) {

    /** Longest firm or user id accepted in a query parameter. */
    static final int MAX_ID_LENGTH = 200;

    /**
     * @param caller          who asks
     * @param requestedFirmId the {@code firmId} query parameter, or {@code null}/blank
     * @param requestedUserId the {@code userId} query parameter, or {@code null}/blank
     * @return the scope
     * @throws ProblemException 400 when support names no firm or an id is too long or has control characters; 404 for
     *                          another firm, or another user for a lawyer
     */
    public static DiagnosticsScope of(Caller caller, String requestedFirmId, String requestedUserId) {
        String firm = id("firmId", requestedFirmId);
        String user = id("userId", requestedUserId);
        if (caller.isSupport()) {
            if (firm == null) {
                throw ProblemException.badRequest("firmId", "is required for support (the firm to diagnose)");
            }
            return new DiagnosticsScope(firm, user);
        }
        if (firm != null && !firm.equals(caller.firmId())) {
            throw ProblemException.notFound("Firm " + firm);
        }
        if (caller.isFirmAdmin()) {
            return new DiagnosticsScope(caller.firmId(), user);
        }
        if (user != null && !user.equals(caller.userId())) {
            throw ProblemException.notFound("User " + user);
        }
        return new DiagnosticsScope(caller.firmId(), caller.userId());
    }

    private static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > MAX_ID_LENGTH || v.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(field, "must be at most " + MAX_ID_LENGTH
                    + " characters without control characters");
        }
        return v;
    }
}
