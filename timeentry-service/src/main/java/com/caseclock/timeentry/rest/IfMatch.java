package com.caseclock.timeentry.rest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.caseclock.service.problem.ProblemException;
import com.caseclock.timeentry.service.Preconditions;

/**
 * ETags of versioned resources: the ETag is the quoted version ({@code "3"}); writes send it back in
 * {@code If-Match}.
 */
final class IfMatch {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");

    private IfMatch() {
    }

    /**
     * @param header the If-Match header
     * @return the version it names
     * @throws ProblemException 428 when missing, 412 when it names no version of ours ({@code *}, a list, junk)
     */
    static long version(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(428, "Precondition required",
                    "Send the entry's ETag in an If-Match header (read it with GET first).");
        }
        Matcher m = ETAG.matcher(header.trim());
        if (!m.matches()) {
            throw Preconditions.lostRace();
        }
        return Long.parseLong(m.group(1));
    }
}
