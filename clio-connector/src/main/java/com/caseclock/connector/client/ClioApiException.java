package com.caseclock.connector.client;

/**
 * Clio answered an API request with an error that is not a transport failure: {@code status} and Clio's error body
 * (tokens never included) say why. 401 means the access token is no longer valid; 429 carries the seconds to wait.
 */
public class ClioApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String body;
    private final Long retryAfterSeconds;

    /**
     * @param status            the HTTP status Clio answered
     * @param body              Clio's response body (its {@code {"error": {"type","message"}}} shape), may be empty
     * @param retryAfterSeconds the {@code Retry-After} header on a 429, else {@code null}
     */
    public ClioApiException(int status, String body, Long retryAfterSeconds) {
        super("Clio answered HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
        this.status = status;
        this.body = body;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return Clio's body, possibly empty */
    public String body() {
        return body;
    }

    /** @return seconds to wait before retrying (429 only), or {@code null} */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
