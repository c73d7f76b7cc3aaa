package com.caseclock.supportcli.http;

import java.util.List;

/**
 * A service answered with an HTTP error (4xx or 5xx) or a redirect (3xx, not followed). Carries what its {@code application/problem+json} body
 * (RFC 9457, https://www.rfc-editor.org/rfc/rfc9457) said, so the CLI can print it in plain words.
 */
public final class ServiceError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String service;
    private final int status;
    private final String title;
    private final String detail;
    private final transient List<String> fieldErrors;

    /**
     * @param service     which service answered (e.g. {@code clio-connector})
     * @param status      HTTP status
     * @param title       the problem's title, or the HTTP reason when the body was not problem+json
     * @param detail      the problem's detail, or the start of the body, or {@code null}
     * @param fieldErrors {@code field: message} per offending field (may be empty)
     */
    public ServiceError(String service, int status, String title, String detail, List<String> fieldErrors) {
        this(service, status, title, detail, fieldErrors,
                service + " answered " + status + " " + title + (detail == null ? "" : ": " + detail));
    }

    /**
     * @param service     which service answered
     * @param status      HTTP status
     * @param title       a short title (e.g. {@code Redirect})
     * @param detail      more detail, or {@code null}
     * @param fieldErrors {@code field: message} per offending field (may be empty)
     * @param message     the whole message to print, in plain words
     */
    public ServiceError(String service, int status, String title, String detail, List<String> fieldErrors,
            String message) {
        super(message);
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** @return which service answered */
    public String service() {
        return service;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the problem's title */
    public String title() {
        return title;
    }

    /** @return the problem's detail, or {@code null} */
    public String detail() {
        return detail;
    }

    /** @return {@code field: message} per offending field */
    public List<String> fieldErrors() {
        return fieldErrors;
    }
}
