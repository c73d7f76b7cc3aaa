package com.caseclock.service.security;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, from the claims of a verified bearer JWT (see {@link CurrentCaller} for the claim names).
 *
 * @param firmId the caller's firm (the tenant); every query is scoped to it
 * @param userId the caller's CaseClock user id (the token's {@code sub})
 * @param roles  what the caller may do; never empty
 * @param zone   the caller's time zone (OIDC {@code zoneinfo} claim), used to turn "today" into a work date
 */
public record Caller(String firmId, String userId, Set<Role> roles, ZoneId zone) {

    public Caller {
        Objects.requireNonNull(firmId, "firmId");
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(zone, "zone");
    }

    /** @return {@code true} if the caller has the role */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** @return {@code true} for a firm administrator, who may see every user's data of their firm */
    public boolean isFirmAdmin() {
        return has(Role.FIRM_ADMIN);
    }

    /** @return {@code true} for CaseClock support */
    public boolean isSupport() {
        return has(Role.SUPPORT);
    }

    /**
     * @param ownerFirmId the firm that owns a record
     * @param ownerUserId the user that owns a record
     * @return whether the caller may see the record: its owner, or a firm admin of the same firm. A record of another
     *         firm is never visible (answer 404, never 403, so its existence does not leak).
     */
    public boolean canSee(String ownerFirmId, String ownerUserId) {
        return firmId.equals(ownerFirmId) && (userId.equals(ownerUserId) || isFirmAdmin());
    }
}
