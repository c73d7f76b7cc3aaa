package com.caseclock.supportcli.http;

/** A service could not be reached (connection refused, timeout) or answered something that is not JSON. */
public final class ServiceUnreachable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, in plain words, naming the service and URL (never the token)
     * @param cause   the I/O failure, or {@code null}
     */
    public ServiceUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
