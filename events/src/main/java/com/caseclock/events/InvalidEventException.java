package com.caseclock.events;

import java.util.List;

/**
 * Thrown when a JSON payload or an event object breaks the event contract: the text is not valid JSON, the
 * CloudEvents type is unknown, or the payload violates the JSON Schema of its event type.
 *
 * <p>Consumers route such records to their dead-letter topic (see {@code docs/events.md}); producers get it from
 * {@link EventCodec#encode(DomainEvent)} when their own event breaks its schema, which is a bug.
 */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The individual problems; never empty. */
    private final List<String> violations;

    /**
     * Creates an exception with a single violation equal to the message.
     *
     * @param message what is wrong, in plain words
     */
    public InvalidEventException(String message) {
        this(message, List.of(message), null);
    }

    /**
     * Creates an exception with a single violation equal to the message and an underlying cause.
     *
     * @param message what is wrong, in plain words
     * @param cause   the underlying parser or mapper exception, may be {@code null}
     */
    public InvalidEventException(String message, Throwable cause) {
        this(message, List.of(message), cause);
    }

    /**
     * Creates an exception listing several violations.
     *
     * @param message    summary; usually already contains the violations
     * @param violations each problem as {@code "<json path>: <problem>"}, e.g.
     *                   {@code "$.entry.durationSeconds: must have a minimum value of 1"}; if {@code null} or empty
     *                   the message is used as the only violation
     * @param cause      underlying exception, may be {@code null}
     */
    public InvalidEventException(String message, List<String> violations, Throwable cause) {
        super(message, cause);
        this.violations = violations == null || violations.isEmpty() ? List.of(String.valueOf(message)) : List.copyOf(violations);
    }

    /**
     * The individual problems found.
     *
     * @return unmodifiable, non-empty list; schema violations are formatted {@code "<json path>: <problem>"}
     */
    public List<String> violations() {
        return violations;
    }
}
