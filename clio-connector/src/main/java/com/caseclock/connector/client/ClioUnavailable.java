package com.caseclock.connector.client;

/**
 * Clio could not be reached or answered with a server error (5xx, timeout, connection reset). Retrying later may
 * succeed; it never means the user must reconnect.
 */
public class ClioUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what happened, without tokens */
    public ClioUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
