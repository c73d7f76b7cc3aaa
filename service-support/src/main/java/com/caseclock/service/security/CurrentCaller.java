package com.caseclock.service.security;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.caseclock.service.problem.ProblemException;

/**
 * The {@link Caller} of the current request, built once per request from its bearer JWT, already verified by
 * quarkus-oidc (signature, issuer, expiry). Inject this request-scoped bean (not the record) and call {@link #get()}:
 * REST resources are singletons.
 *
 * <p>Claims read:
 * <ul>
 * <li>{@code firm_id} (string, required): the firm (tenant);</li>
 * <li>{@code sub} (string, required): the CaseClock user id;</li>
 * <li>{@code groups} (array of strings, required): roles {@code lawyer}, {@code firm-admin}, {@code support}; other
 * values are ignored;</li>
 * <li>{@code zoneinfo} (string, optional, OpenID Connect Core 1.0 §5.1): the user's IANA time zone, default UTC.</li>
 * </ul>
 * A verified token without a firm, a user or any CaseClock role gets 403 with a problem+json body naming the missing
 * claim.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    /** Name of the claim carrying the firm id. */
    public static final String FIRM_CLAIM = "firm_id";
    /** Name of the claim carrying the user's time zone (OIDC standard claim). */
    public static final String ZONE_CLAIM = "zoneinfo";

    @Inject
    JsonWebToken token;

    /**
     * @return the caller of this request
     * @throws ProblemException 401 when the request carries no token, 403 when the token lacks a required claim
     */
    public Caller get() {
        if (caller == null) {
            caller = fromToken();
        }
        return caller;
    }

    private Caller fromToken() {
        if (token == null || token.getRawToken() == null) {
            throw new ProblemException(401, "Not authenticated", "A bearer token is required.");
        }
        Object firmClaim = token.getClaim(FIRM_CLAIM);
        String firmId = firmClaim instanceof String text ? text
                : firmClaim instanceof jakarta.json.JsonString json ? json.getString() : null;
        if (firmClaim != null && firmId == null) {
            throw new ProblemException(403, "Forbidden", "The token's " + FIRM_CLAIM + " claim is not text.");
        }
        String userId = token.getSubject();
        if (hasControlCharacter(firmId) || hasControlCharacter(userId)) {
            throw new ProblemException(403, "Forbidden", "The token's firm or subject contains control characters.");
        }
        if (firmId == null || firmId.isBlank()) {
            throw new ProblemException(403, "Forbidden", "The token has no " + FIRM_CLAIM + " claim.");
        }
        if (userId == null || userId.isBlank()) {
            throw new ProblemException(403, "Forbidden", "The token has no sub claim.");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (token.getGroups() != null) {
            token.getGroups().forEach(g -> Role.fromClaim(g).ifPresent(roles::add));
        }
        if (roles.isEmpty()) {
            throw new ProblemException(403, "Forbidden",
                    "The token's groups claim names no CaseClock role (lawyer, firm-admin, support).");
        }
        return new Caller(firmId, userId, roles, zone(token.getClaim(ZONE_CLAIM)));
    }

    private static boolean hasControlCharacter(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }

    private static ZoneId zone(Object claim) {
        if (claim == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(claim.toString());
        } catch (DateTimeException e) {
            throw new ProblemException(403, "Forbidden", "The token's zoneinfo claim is not a time zone: " + claim);
        }
    }
}
