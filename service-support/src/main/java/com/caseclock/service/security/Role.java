package com.caseclock.service.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a caller may do, from the {@code groups} claim of their bearer token.
 */
public enum Role {
    /** A lawyer (or other timekeeper): sees and changes only their own time entries and connection. */
    LAWYER("lawyer"),
    /** A firm administrator: sees the whole firm's data. */
    FIRM_ADMIN("firm-admin"),
    /** CaseClock support: sees failed sync events and diagnostics across firms. */
    SUPPORT("support");

    private final String claimValue;

    Role(String claimValue) {
        this.claimValue = claimValue;
    }

    /** @return the value carried in the token's {@code groups} claim */
    public String claimValue() {
        return claimValue;
    }

    /**
     * @param claimValue a value of the {@code groups} claim
     * @return the role, or empty for a group CaseClock does not know (ignored)
     */
    public static Optional<Role> fromClaim(String claimValue) {
        return Arrays.stream(values()).filter(r -> r.claimValue.equals(claimValue)).findFirst();
    }
}
