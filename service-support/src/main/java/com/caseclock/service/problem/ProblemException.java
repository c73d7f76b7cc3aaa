package com.caseclock.service.problem;

import java.util.List;

/**
 * Thrown by services and resources to answer with a problem+json body ({@link Problem}); mapped by
 * {@link ProblemExceptionMapper}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient List<Problem.FieldError> errors;

    /**
     * @param status HTTP status, 4xx or 5xx
     * @param title  short summary of the kind of problem
     * @param detail what went wrong, in plain words
     */
    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    /**
     * @param status HTTP status, 4xx or 5xx
     * @param title  short summary of the kind of problem
     * @param detail what went wrong, in plain words
     * @param errors the offending fields
     */
    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** @return 400 Bad Request naming one field */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** @return 404 Not Found (also used for another firm's records, so their existence does not leak) */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " was not found.");
    }

    /** @return the problem this exception answers with */
    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
