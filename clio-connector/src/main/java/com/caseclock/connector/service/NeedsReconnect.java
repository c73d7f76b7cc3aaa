package com.caseclock.connector.service;

/**
 * The user has no usable Clio connection (never connected, disconnected, or Clio refused the refresh token): only
 * the user can fix it by connecting again. Work for this user is parked, not lost.
 */
public class NeedsReconnect extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String firmId;
    private final String userId;

    /** @param reason plain words */
    public NeedsReconnect(String firmId, String userId, String reason) {
        super("Firm " + firmId + " user " + userId + " needs to reconnect to Clio: " + reason);
        this.firmId = firmId;
        this.userId = userId;
    }

    /** @return the firm */
    public String firmId() {
        return firmId;
    }

    /** @return the user */
    public String userId() {
        return userId;
    }
}
