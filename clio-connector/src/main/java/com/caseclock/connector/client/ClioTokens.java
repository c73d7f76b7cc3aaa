package com.caseclock.connector.client;

import java.time.Instant;

/**
 * Tokens answered by Clio's {@code /oauth/token} (https://docs.developers.clio.com/api-docs/authorization).
 *
 * @param accessToken  the bearer token for API calls
 * @param refreshToken the refresh token (Clio's do not rotate: the same value may come back, or none on refresh)
 * @param expiresAt    when the access token expires, from {@code expires_in}; {@code null} if Clio did not say
 */
public record ClioTokens(String accessToken, String refreshToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "ClioTokens[expiresAt=" + expiresAt + "]";
    }
}
