package com.caseclock.cliosandbox.journal;

import java.time.Instant;

/**
 * One request the sandbox answered on a Clio path.
 *
 * @param query  raw query string (null if none)
 * @param body   raw request body as UTF-8 text ("" if none)
 * @param status response status; 0 when the connection was reset by fault injection
 * @param firmKey the firm the token acts for, or null
 */
public record JournalEntry(long sequence, Instant at, String method, String path, String query, String body,
        int status, String firmKey) {

    /** Query parameter value (first occurrence, URL-decoded), or null. */
    public String queryParam(String name) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
