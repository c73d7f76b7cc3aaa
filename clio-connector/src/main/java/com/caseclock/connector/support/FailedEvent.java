package com.caseclock.connector.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** The support views of the failed-event index ({@code failed_event}, {@code failed_event_history}). */
public final class FailedEvent {

    private FailedEvent() {
    }

    /** Where a failed event stands. */
    public enum State {
        /** Failed and not yet acted on (or failed again after a replay). */
        OPEN,
        /** Republished to its original topic; a new failure makes it OPEN again. */
        REPLAYED,
        /** Marked resolved by support with a comment; a new failure makes it OPEN again. */
        RESOLVED
    }

    /**
     * One row of the list.
     *
     * @param id             the failed event's id (used in the support API's paths)
     * @param state          OPEN, REPLAYED or RESOLVED
     * @param service        the consuming service that failed, e.g. {@code clio-connector}
     * @param firmId         the firm, where known
     * @param userId         the CaseClock user, where known
     * @param timeEntryId    the time entry, where known
     * @param matterId       the Clio matter id, where known
     * @param reasonCode     a {@code FailureReason} name, {@code INVALID_EVENT} or {@code HANDLER_ERROR}
     * @param reason         the plain-word explanation
     * @param clioStatus     the HTTP status Clio answered with, when Clio answered
     * @param attempts       attempts made before the last dead letter
     * @param firstFailureAt first failure (UTC)
     * @param lastFailureAt  last failure (UTC)
     * @param failureCount   how many dead letters this event produced (one per failure, e.g. after replays)
     * @param sourceTopic    the topic the event was read from (where a replay goes)
     * @param eventId        the original event's {@code ce_id}
     * @param eventType      the original event's {@code ce_type}
     * @param postingState   for a time entry: its posting job's state now (PENDING, WAITING_FOR_CONNECTION, DONE,
     *                       FAILED), else null
     */
    public record Summary(UUID id, State state, String service, String firmId, String userId, UUID timeEntryId,
            Long matterId, String reasonCode, String reason, Integer clioStatus, int attempts, Instant firstFailureAt,
            Instant lastFailureAt, int failureCount, String sourceTopic, String eventId, String eventType,
            String postingState) {
    }

    /**
     * One failed event with everything known about it.
     *
     * @param summary         the list row
     * @param errorClass      the Java class of the failure, where known
     * @param errorMessage    the dead letter's reason and cause as recorded (tokens never included)
     * @param clioBody        Clio's answer body, tokens and secrets redacted, when Clio answered
     * @param recordKey       the original record's Kafka key
     * @param sourcePartition the original record's partition, when a consumer failed on it
     * @param sourceOffset    the original record's offset, when a consumer failed on it
     * @param originalHeaders the original record's headers (CloudEvents envelope), without dead-letter headers
     * @param originalEvent   the original event: its JSON, or a JSON string when it was not valid JSON
     * @param history         every failure, replay and resolution, oldest first
     */
    public record Detail(Summary summary, String errorClass, String errorMessage, String clioBody, String recordKey,
            Integer sourcePartition, Long sourceOffset, Map<String, String> originalHeaders, JsonNode originalEvent,
            List<HistoryItem> history) {
    }

    /**
     * One step in a failed event's history.
     *
     * @param action      FAILED, REPLAYED or RESOLVED
     * @param at          when (UTC)
     * @param actor       who (the caller's JWT subject) for REPLAYED and RESOLVED; null for FAILED
     * @param actorFirmId the actor's firm
     * @param detail      FAILED: the reason; REPLAYED: where it was republished; RESOLVED: the comment
     */
    public record HistoryItem(String action, Instant at, String actor, String actorFirmId, String detail) {
    }

    /**
     * A search.
     *
     * @param firmId     only this firm (support: optional; a firm admin: always their firm)
     * @param userId     only this user
     * @param entryId    only this time entry
     * @param matterId   only this Clio matter
     * @param reasonCode only this reason code
     * @param from       last failure at or after (UTC), inclusive
     * @param to         last failure before (UTC), exclusive
     * @param state      only this state
     */
    public record Filter(String firmId, String userId, UUID entryId, Long matterId, String reasonCode, Instant from,
            Instant to, State state) {

        /** @return the same filter restricted to one firm */
        public Filter inFirm(String firm) {
            return new Filter(firm, userId, entryId, matterId, reasonCode, from, to, state);
        }
    }

    /**
     * A page of results.
     *
     * @param items the rows, newest failure first
     * @param page  the page number, from 0
     * @param size  the page size
     * @param total how many rows match in all
     */
    public record Page(List<Summary> items, int page, int size, long total) {
    }
}
