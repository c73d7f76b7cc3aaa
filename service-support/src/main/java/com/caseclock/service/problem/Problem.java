package com.caseclock.service.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An error answer in the shape of RFC 9457 "Problem Details for HTTP APIs"
 * (https://www.rfc-editor.org/rfc/rfc9457), sent as {@value #MEDIA_TYPE}.
 *
 * @param type   a URI reference naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong this time, in plain words
 * @param errors one entry per offending field of the request (may be empty)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** The media type of problem answers. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * One offending field.
     *
     * @param field   the field's path in the request, e.g. {@code durationSeconds} or {@code entries[2].workDate}; a
     *                query or path parameter is named as such
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }
}
