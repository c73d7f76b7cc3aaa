package com.caseclock.supportcli.command;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes a value (e.g. a firm id) for use as one URL path segment. */
final class PathSegment {

    private PathSegment() {
    }

    /** @return the value, percent-encoded so it stays one path segment */
    static String of(String value) {
        return URLEncoder.encode(value.strip(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
