package com.caseclock.cliosandbox.http;

/**
 * A Clio-style error: rendered as {@code {"error":{"type":…,"message":…}}} (SPEC {@code components.schemas.Error}),
 * except for OAuth errors which use {@link #oauth(int, String, String)} and the OAuth body shape.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final boolean oauthStyle;

    public ApiException(int status, String type, String message) {
        this(status, type, message, false);
    }

    private ApiException(int status, String type, String message, boolean oauthStyle) {
        super(message);
        this.status = status;
        this.type = type;
        this.oauthStyle = oauthStyle;
    }

    /** OAuth error ({@code {"error":"…","error_description":"…"}}), e.g. Clio's 401 invalid_token. */
    public static ApiException oauth(int status, String error, String description) {
        return new ApiException(status, error, description, true);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "ArgumentError", message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "RecordNotFound", what + " not found");
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(422, "RecordInvalid", message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public boolean oauthStyle() {
        return oauthStyle;
    }
}
