package com.caseclock.cliosandbox.http;

import java.util.List;

/**
 * {@code X-API-VERSION} handling (SPEC {@code info.description} "Minor Versions";
 * https://docs.developers.clio.com/api-docs/api-versioning-policy ): missing header = default version (4.0.13 in the
 * saved spec); an invalid or retired version answers 410 Gone; every successful response echoes the version used.
 * [inf] Which versions are retired is not published; the sandbox treats 4.0.0–4.0.3 (hour-based quantities, replaced
 * in 4.0.4) as retired.
 */
public final class ApiVersions {
    public static final String DEFAULT = "4.0.13";
    public static final List<String> SUPPORTED = List.of("4.0.4", "4.0.5", "4.0.6", "4.0.7", "4.0.8", "4.0.9", "4.0.10",
            "4.0.11", "4.0.12", "4.0.13");

    private ApiVersions() {}

    /** The version to use for a request's header value; throws 410 when invalid or retired. */
    public static String resolve(String header) {
        if (header == null || header.isBlank()) return DEFAULT;
        String v = header.trim();
        if (SUPPORTED.contains(v)) return v;
        throw new ApiException(410, "Gone", "API version " + v + " is invalid or has been retired");
    }
}
