package com.caseclock.cliosandbox.faults;

/** What an injected fault does to a matching request. */
public enum FaultMode {
    /** 500 with Clio's error body. */
    HTTP_500,
    /** 502 Bad Gateway. */
    HTTP_502,
    /** 503 Service Unavailable. */
    HTTP_503,
    /** 422 with Clio's validation error body ({@code RecordInvalid}), as when Clio rejects a record's data. */
    HTTP_422,
    /** 429 with {@code Retry-After} and {@code X-RateLimit-Remaining: 0}, as if the rate limit were exceeded. */
    RATE_LIMIT_STORM,
    /** The TCP connection is closed without any response. */
    CONNECTION_RESET,
    /** The response is held back for the fault's delay (longer than the client's timeout), then sent normally. */
    DELAY,
    /** The request's access token is revoked and the request answered with Clio's 401 {@code invalid_token}. */
    REVOKED_TOKEN
}
