package com.caseclock.connector.client;

/**
 * Clio refused a grant: the authorization code or the refresh token is invalid, expired or revoked (OAuth
 * {@code invalid_grant}, or a 400/401 from the token endpoint). Only the user can fix it by connecting again.
 */
public class ClioAuthorizationRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what Clio said, without tokens */
    public ClioAuthorizationRefused(String message) {
        super(message);
    }
}
