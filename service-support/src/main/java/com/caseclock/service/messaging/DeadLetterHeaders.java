package com.caseclock.service.messaging;

import com.caseclock.events.EventHeaders;

/**
 * The header set of a record on any service's dead-letter topic ({@code <service>.dead-letter.v1}, documented in
 * {@code docs/events.md}, "Dead-letter headers"). Every dead letter keeps the original record's key, value and
 * CloudEvents headers ({@code ce_id}, {@code ce_type}, {@code ce_source}, {@code ce_subject}, …) and adds the headers
 * below; a header whose value is unknown is left out. Written by {@link EnrichedDeadLetterQueue} (records a consumer
 * of any service could not handle, on top of SmallRye's own {@code dead-letter-reason}, {@code -cause},
 * {@code -exception-class-name}, {@code -cause-class-name}, {@code -topic}, {@code -partition}, {@code -offset}) and
 * by the connector's {@code posting.DeadLetterPublisher} (posting jobs that failed for good; the only writer of the
 * Clio headers).
 */
public final class DeadLetterHeaders {

    /** Short reason (SmallRye: the exception message; posting: {@code <FailureReason>: <plain words>}). */
    public static final String REASON = EventHeaders.DEAD_LETTER_REASON;
    /** The cause (SmallRye: the cause's message; posting: the last error recorded on the job). */
    public static final String CAUSE = EventHeaders.DEAD_LETTER_CAUSE;
    /** The Java class of the failure (SmallRye's header name, also written by posting when Clio was involved). */
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    /** The topic the original record was read from. */
    public static final String TOPIC = "dead-letter-topic";
    /** The partition the original record was read from (consumer failures only). */
    public static final String PARTITION = "dead-letter-partition";
    /** The offset the original record was read from (consumer failures only). */
    public static final String OFFSET = "dead-letter-offset";
    /** The consuming service that failed, e.g. {@code clio-connector}. */
    public static final String SERVICE = "dead-letter-service";
    /** The classified reason: a {@code FailureReason} name, {@code INVALID_EVENT} or {@code HANDLER_ERROR}. */
    public static final String FAILURE_REASON = "dead-letter-failure-reason";
    /** Attempts made (1 for a record a consumer could not handle). */
    public static final String ATTEMPTS = "dead-letter-attempts";
    /** First failure, ISO-8601 UTC. */
    public static final String FIRST_FAILURE = "dead-letter-first-failure-at";
    /** Last failure, ISO-8601 UTC. */
    public static final String LAST_FAILURE = "dead-letter-last-failure-at";
    /** HTTP status Clio answered with, when Clio answered. */
    public static final String CLIO_STATUS = "dead-letter-clio-status";
    /**
     * Clio's response body, when Clio answered; tokens and secrets redacted (the connector's {@code support.Redactor}),
     * at most 2,000 characters.
     */
    public static final String CLIO_BODY = "dead-letter-clio-body";
    /** The firm (tenant) id, where known. */
    public static final String FIRM_ID = "dead-letter-firm-id";
    /** The CaseClock user id, where known. */
    public static final String USER_ID = "dead-letter-user-id";
    /** The time entry id, where known. */
    public static final String ENTRY_ID = "dead-letter-entry-id";
    /** The Clio matter id, where known. */
    public static final String MATTER_ID = "dead-letter-matter-id";
    /** On a replayed record (not a dead letter): the id of the failed event it replays. */
    public static final String REPLAY_OF = "caseclock-replay-of";

    /** {@link #FAILURE_REASON} of a record that could not be read: not valid JSON, breaks its schema or envelope. */
    public static final String INVALID_EVENT = "INVALID_EVENT";
    /** {@link #FAILURE_REASON} of a record that was read but whose handler failed. */
    public static final String HANDLER_ERROR = "HANDLER_ERROR";

    /** Prefix shared by every dead-letter header (stripped from a record before it is replayed). */
    public static final String PREFIX = "dead-letter-";

    private DeadLetterHeaders() {
    }
}
