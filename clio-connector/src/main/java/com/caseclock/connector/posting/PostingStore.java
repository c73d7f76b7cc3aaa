package com.caseclock.connector.posting;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The posting tables ({@code posting_job}, {@code activity_mapping}, {@code posting_firm_throttle}; see
 * {@code V20__posting.sql}). Plain SQL (claims need {@code FOR UPDATE SKIP LOCKED}); every method joins the caller's
 * transaction. All time arithmetic uses the database clock, so instances with skewed clocks agree on leases.
 */
@ApplicationScoped
public class PostingStore {

    /** Job kinds. */
    public enum Kind {
        /** Create the Clio activity, or patch it to a newer revision. */
        UPSERT,
        /** Delete the Clio activity. */
        VOID
    }

    /** Job states. */
    public enum State {
        PENDING, WAITING_FOR_CONNECTION, DONE, FAILED
    }

    /** Mapping states. */
    public enum MappingState {
        IN_FLIGHT, CREATED, DELETED
    }

    /** One posting job as stored. */
    public record Job(UUID timeEntryId, String firmId, String userId, Kind kind, long revision, UUID sourceEventId,
            String ceType, String ceSource, String topic, String key, String payload, List<String> pendingSources,
            State state, int attempts, int rateLimitParks, Instant firstFailureAt, Instant lastFailureAt,
            String lastError, String lastResult) {
    }

    /**
     * The entry → Clio activity mapping.
     *
     * @param settled     {@code true} when a lookup may run now: the attempt's outcome settled ({@code settle_until}
     *                    passed, or, when no outcome was recorded, {@code attempt_started_at} + settle passed)
     * @param settleUntil when it settles
     */
    public record Mapping(UUID timeEntryId, MappingState state, Long clioActivityId, long revisionApplied,
            String etag, String inFlightBody, boolean settled, Instant settleUntil) {
    }

    private static final String JOB_COLUMNS = "time_entry_id, firm_id, user_id, kind, revision, source_event_id, "
            + "source_ce_type, source_ce_source, source_topic, source_key, payload, pending_sources, state, attempts, "
            + "rate_limit_parks, first_failure_at, last_failure_at, last_error, last_result";

    private final AgroalDataSource dataSource;

    PostingStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    // --- jobs -----------------------------------------------------------------------------------------------------

    /** @return the job, locked ({@code FOR UPDATE}) until the caller's transaction ends, or null */
    public Job lockJob(UUID timeEntryId) {
        List<Job> jobs = queryJobs("SELECT " + JOB_COLUMNS + " FROM posting_job WHERE time_entry_id = ? FOR UPDATE",
                timeEntryId);
        return jobs.isEmpty() ? null : jobs.get(0);
    }

    /** @return the job, or null */
    public Job job(UUID timeEntryId) {
        List<Job> jobs = queryJobs("SELECT " + JOB_COLUMNS + " FROM posting_job WHERE time_entry_id = ?", timeEntryId);
        return jobs.isEmpty() ? null : jobs.get(0);
    }

    /** Inserts a new pending job for a first event about an entry. */
    public void insertJob(UUID timeEntryId, String firmId, String userId, Kind kind, long revision, UUID eventId,
            String ceType, String ceSource, String topic, String key, String payload) {
        update("INSERT INTO posting_job (time_entry_id, firm_id, user_id, kind, revision, source_event_id, "
                + "source_ce_type, source_ce_source, source_topic, source_key, payload, pending_sources, state, "
                + "not_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ARRAY[?]::text[], 'PENDING', now())",
                timeEntryId, firmId, userId, kind.name(), revision, eventId, ceType, ceSource, topic, key, payload,
                source(eventId, revision));
    }

    /** A newer revision replaces the job's event; it becomes due at once with a fresh retry budget. */
    public void supersede(UUID timeEntryId, Kind kind, long revision, UUID eventId, String ceType, String ceSource,
            String topic, String key, String payload) {
        update("UPDATE posting_job SET kind = ?, revision = ?, source_event_id = ?, source_ce_type = ?, "
                + "source_ce_source = ?, source_topic = ?, source_key = ?, payload = ?, "
                + "pending_sources = array_append(pending_sources, ?::text), state = 'PENDING', attempts = 0, "
                + "rate_limit_parks = 0, not_before = now(), first_failure_at = NULL, last_failure_at = NULL, "
                + "last_error = NULL, last_clio_status = NULL, last_clio_body = NULL, last_error_class = NULL, "
                + "updated_at = now() WHERE time_entry_id = ?", kind.name(), revision, eventId,
                ceType, ceSource, topic, key, payload, source(eventId, revision), timeEntryId);
    }

    /** A replay of the job's own revision: re-queues a FAILED or parked job with a fresh budget. */
    public void requeue(UUID timeEntryId, UUID eventId, long revision) {
        update("UPDATE posting_job SET pending_sources = CASE WHEN ?::text = ANY (pending_sources) THEN pending_sources "
                + "ELSE array_append(pending_sources, ?::text) END, state = 'PENDING', attempts = 0, "
                + "rate_limit_parks = 0, not_before = now(), first_failure_at = NULL, last_failure_at = NULL, "
                + "last_clio_status = NULL, last_clio_body = NULL, last_error_class = NULL, "
                + "updated_at = now() WHERE time_entry_id = ?", source(eventId, revision), source(eventId, revision),
                timeEntryId);
    }

    /** Adds an event the next result must answer (no state change). */
    public void addSource(UUID timeEntryId, UUID eventId, long revision) {
        update("UPDATE posting_job SET pending_sources = array_append(pending_sources, ?::text), updated_at = now() "
                + "WHERE time_entry_id = ? AND NOT (?::text = ANY (pending_sources))", source(eventId, revision),
                timeEntryId, source(eventId, revision));
    }

    /** @return firms with due, unleased jobs and no running 429 wait, excluding {@code busy} */
    public List<String> dueFirms(Collection<String> busy, int limit) {
        String sql = "SELECT firm_id FROM posting_job j WHERE state = 'PENDING' AND not_before <= now() "
                + "AND (lease_until IS NULL OR lease_until < now()) AND NOT (firm_id = ANY (?)) "
                + "AND NOT EXISTS (SELECT 1 FROM posting_firm_throttle t WHERE t.firm_id = j.firm_id "
                + "AND t.not_before > now()) GROUP BY firm_id ORDER BY min(not_before) LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", busy.toArray()));
            s.setInt(2, limit);
            List<String> firms = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    firms.add(rs.getString(1));
                }
            }
            return firms;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find due posting work", e);
        }
    }

    /** Claims a firm's due jobs for {@code owner} ({@code FOR UPDATE SKIP LOCKED}), oldest first. */
    public List<Job> claim(String firmId, String owner, Duration lease, int limit) {
        return queryJobs("UPDATE posting_job SET lease_owner = ?, lease_until = now() + (?::bigint * interval "
                + "'1 millisecond') WHERE time_entry_id IN (SELECT time_entry_id FROM posting_job WHERE firm_id = ? "
                + "AND state = 'PENDING' AND not_before <= now() AND (lease_until IS NULL OR lease_until < now()) "
                + "ORDER BY not_before, created_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + JOB_COLUMNS, owner,
                lease.toMillis(), firmId, limit);
    }

    /** Extends a lease just before working on the job; {@code false} when this owner lost it. */
    public boolean renewLease(UUID timeEntryId, String owner, Duration lease) {
        return update("UPDATE posting_job SET lease_until = now() + (?::bigint * interval '1 millisecond') "
                + "WHERE time_entry_id = ? AND lease_owner = ? AND state = 'PENDING'", lease.toMillis(), timeEntryId,
                owner) == 1;
    }

    /** Gives a job back untouched (its firm is throttled), due again at {@code notBefore}'s delay. */
    public void release(UUID timeEntryId, String owner, Duration delay) {
        update("UPDATE posting_job SET lease_owner = NULL, lease_until = NULL, not_before = GREATEST(not_before, "
                + "now() + (?::bigint * interval '1 millisecond')) WHERE time_entry_id = ? AND lease_owner = ?",
                delay.toMillis(), timeEntryId, owner);
    }

    /** Records a failed attempt to be retried after {@code delay}. */
    public void retryLater(UUID timeEntryId, String owner, Duration delay, String error, boolean countAttempt,
            boolean countPark) {
        update("UPDATE posting_job SET lease_owner = NULL, lease_until = NULL, "
                + "not_before = now() + (?::bigint * interval '1 millisecond'), "
                + "attempts = attempts + CASE WHEN ? THEN 1 ELSE 0 END, "
                + "rate_limit_parks = rate_limit_parks + CASE WHEN ? THEN 1 ELSE 0 END, "
                + "first_failure_at = COALESCE(first_failure_at, now()), last_failure_at = now(), last_error = ?, "
                + "updated_at = now() WHERE time_entry_id = ? AND lease_owner = ?", delay.toMillis(), countAttempt,
                countPark, error, timeEntryId, owner);
    }

    /** Defers a job without counting an attempt (waiting for an in-flight request to settle). */
    public void defer(UUID timeEntryId, String owner, Duration delay) {
        update("UPDATE posting_job SET lease_owner = NULL, lease_until = NULL, "
                + "not_before = now() + (?::bigint * interval '1 millisecond'), updated_at = now() "
                + "WHERE time_entry_id = ? AND lease_owner = ?", delay.toMillis(), timeEntryId, owner);
    }

    /**
     * Ends a run. The answered sources leave {@code pending_sources} only when the job is DONE (a FAILED or parked
     * job's events are answered again by its eventual success). If a newer revision arrived meanwhile, the job stays
     * PENDING for it.
     *
     * @param processedRevision the revision the run worked on
     * @param state             DONE, FAILED or WAITING_FOR_CONNECTION
     * @param deadLetter        whether to dead-letter the job's event
     */
    public void finish(UUID timeEntryId, long processedRevision, List<String> answered, State state,
            String resultJson, String error, boolean deadLetter, String deadLetterReason, int attempts) {
        boolean done = state == State.DONE;
        update("UPDATE posting_job SET lease_owner = NULL, lease_until = NULL, last_result = ?, "
                + "attempts = GREATEST(attempts, ?), pending_sources = CASE WHEN ? THEN ARRAY(SELECT x FROM unnest(pending_sources) x "
                + "WHERE NOT (x = ANY (?))) ELSE pending_sources END, "
                + "state = CASE WHEN revision = ? THEN ? ELSE 'PENDING' END, "
                + "not_before = CASE WHEN revision = ? THEN not_before ELSE now() END, "
                + "last_error = ?, last_failure_at = CASE WHEN ?::text IS NULL THEN last_failure_at ELSE now() END, "
                + "first_failure_at = CASE WHEN ?::text IS NULL THEN first_failure_at "
                + "ELSE COALESCE(first_failure_at, now()) END, "
                + "dead_letter_pending = dead_letter_pending OR (? AND revision = ?), "
                + "dead_letter_reason = CASE WHEN ? AND revision = ? THEN ? ELSE dead_letter_reason END, "
                + "updated_at = now() WHERE time_entry_id = ?", resultJson, attempts, done, answered.toArray(new String[0]),
                processedRevision, state.name(), processedRevision, error, error, error, deadLetter,
                processedRevision, deadLetter, processedRevision, deadLetterReason, timeEntryId);
    }

    /**
     * Remembers what Clio answered to a failing run (for the job's dead letter, if it comes to one).
     *
     * @param clioStatus Clio's HTTP status, or null when Clio did not answer
     * @param clioBody   Clio's body, tokens and secrets already redacted, or null
     * @param errorClass the Java class of the failure
     */
    public void clioAnswer(UUID timeEntryId, Integer clioStatus, String clioBody, String errorClass) {
        update("UPDATE posting_job SET last_clio_status = ?, last_clio_body = ?, last_error_class = ? "
                + "WHERE time_entry_id = ?", clioStatus, clioBody, errorClass, timeEntryId);
    }

    /** Jobs parked for a user's connection become due again (after a reconnect). */
    public int wakeWaiting(String firmId, String userId) {
        return update("UPDATE posting_job SET state = 'PENDING', not_before = now(), attempts = 0, updated_at = now() "
                + "WHERE state = 'WAITING_FOR_CONNECTION' AND firm_id = ? AND user_id = ?", firmId, userId);
    }

    /** Jobs parked for a connection that is CONNECTED again become due (periodic safety net). */
    public int wakeReconnected() {
        return update("UPDATE posting_job j SET state = 'PENDING', not_before = now(), attempts = 0, "
                + "updated_at = now() WHERE j.state = 'WAITING_FOR_CONNECTION' AND EXISTS (SELECT 1 FROM "
                + "clio_connection c WHERE c.firm_id = j.firm_id AND c.user_id = j.user_id AND c.state = 'CONNECTED')");
    }

    /** One dead letter to send. */
    public record DeadLetter(UUID timeEntryId, String topic, String key, UUID eventId, String ceType,
            String ceSource, String payload, String reason, int attempts, Instant firstFailureAt,
            Instant lastFailureAt, String lastError, String firmId, String userId, Integer clioStatus,
            String clioBody, String errorClass) {
    }

    /** @return jobs whose event must go to the dead-letter topic */
    public List<DeadLetter> pendingDeadLetters(int limit) {
        String sql = "SELECT time_entry_id, source_topic, source_key, source_event_id, source_ce_type, "
                + "source_ce_source, payload, dead_letter_reason, attempts, first_failure_at, last_failure_at, "
                + "last_error, firm_id, user_id, last_clio_status, last_clio_body, last_error_class FROM posting_job "
                + "WHERE dead_letter_pending ORDER BY updated_at LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, limit);
            List<DeadLetter> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getInt(9), instant(rs.getTimestamp(10)),
                            instant(rs.getTimestamp(11)), rs.getString(12), rs.getString(13), rs.getString(14),
                            (Integer) rs.getObject(15), rs.getString(16), rs.getString(17)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pending dead letters", e);
        }
    }

    /** Marks a job's dead letter sent (unless its event changed meanwhile). */
    public void deadLetterSent(UUID timeEntryId, UUID eventId) {
        update("UPDATE posting_job SET dead_letter_pending = FALSE WHERE time_entry_id = ? AND source_event_id = ?",
                timeEntryId, eventId);
    }

    // --- throttle -------------------------------------------------------------------------------------------------

    /** Nothing of the firm is sent before now + {@code wait}. */
    public void throttle(String firmId, Duration wait) {
        update("INSERT INTO posting_firm_throttle (firm_id, not_before, updated_at) VALUES (?, now() + "
                + "(?::bigint * interval '1 millisecond'), now()) ON CONFLICT (firm_id) DO UPDATE SET not_before = "
                + "GREATEST(posting_firm_throttle.not_before, EXCLUDED.not_before), updated_at = now()", firmId,
                wait.toMillis());
    }

    // --- mapping --------------------------------------------------------------------------------------------------

    /**
     * @param settle how long a create without a recorded outcome (its worker crashed, or is still waiting for Clio)
     *               counts as possibly executing at Clio
     * @return the mapping of an entry, or null
     */
    public Mapping mapping(UUID timeEntryId, Duration settle) {
        String sql = "SELECT time_entry_id, state, clio_activity_id, revision_applied, clio_etag, in_flight_body, "
                + "COALESCE(settle_until, attempt_started_at + (?::bigint * interval '1 millisecond')) <= now(), "
                + "COALESCE(settle_until, attempt_started_at + (?::bigint * interval '1 millisecond')) "
                + "FROM activity_mapping WHERE time_entry_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, settle.toMillis());
            s.setLong(2, settle.toMillis());
            s.setObject(3, timeEntryId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long id = rs.getLong(3);
                Long clioId = rs.wasNull() ? null : id;
                return new Mapping(rs.getObject(1, UUID.class), MappingState.valueOf(rs.getString(2)), clioId,
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                        instant(rs.getTimestamp(8)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the activity mapping", e);
        }
    }

    /**
     * Writes IN_FLIGHT before a create is sent (commit it before the POST). Refuses when the entry is CREATED.
     *
     * @return {@code false} if the entry already has a created activity
     */
    public boolean markInFlight(UUID timeEntryId, String firmId, long revision, String body) {
        return update("INSERT INTO activity_mapping (time_entry_id, firm_id, state, attempt_started_at, "
                + "revision_applied, in_flight_body, settle_until, updated_at) VALUES (?, ?, 'IN_FLIGHT', now(), ?, ?, "
                + "NULL, now()) ON CONFLICT (time_entry_id) DO UPDATE SET state = 'IN_FLIGHT', clio_activity_id = "
                + "NULL, attempt_started_at = now(), revision_applied = EXCLUDED.revision_applied, in_flight_body = "
                + "EXCLUDED.in_flight_body, settle_until = NULL, clio_etag = NULL, updated_at = now() "
                + "WHERE activity_mapping.state <> 'CREATED'", timeEntryId, firmId, revision, body) == 1;
    }

    /** The create got an error answer (5xx): it is no longer executing, a lookup may run at once. */
    public void answered(UUID timeEntryId) {
        update("UPDATE activity_mapping SET settle_until = now(), updated_at = now() "
                + "WHERE time_entry_id = ? AND state = 'IN_FLIGHT'", timeEntryId);
    }

    /** The create got no answer: no lookup before now + {@code settle}. */
    public void unsettled(UUID timeEntryId, Duration settle) {
        update("UPDATE activity_mapping SET settle_until = now() + (?::bigint * interval '1 millisecond'), "
                + "updated_at = now() WHERE time_entry_id = ? AND state = 'IN_FLIGHT'", settle.toMillis(), timeEntryId);
    }

    /** Clio refused the create (a 4xx): nothing exists, nothing to look up. */
    public void clearInFlight(UUID timeEntryId) {
        update("DELETE FROM activity_mapping WHERE time_entry_id = ? AND state = 'IN_FLIGHT'", timeEntryId);
    }

    /** The activity exists in Clio. */
    public void markCreated(UUID timeEntryId, long clioActivityId, long revision, String etag) {
        update("UPDATE activity_mapping SET state = 'CREATED', clio_activity_id = ?, revision_applied = ?, "
                + "clio_etag = ?, in_flight_body = NULL, settle_until = NULL, updated_at = now() "
                + "WHERE time_entry_id = ?", clioActivityId, revision, etag, timeEntryId);
    }

    /** The activity is gone from Clio (or never reached it). */
    public void markDeleted(UUID timeEntryId) {
        update("UPDATE activity_mapping SET state = 'DELETED', in_flight_body = NULL, settle_until = NULL, "
                + "updated_at = now() WHERE time_entry_id = ?", timeEntryId);
    }

    /** @return those of {@code clioIds} already mapped to another entry of the firm */
    public Set<Long> takenByOthers(String firmId, UUID timeEntryId, Collection<Long> clioIds) {
        if (clioIds.isEmpty()) {
            return Set.of();
        }
        String sql = "SELECT clio_activity_id FROM activity_mapping WHERE firm_id = ? AND time_entry_id <> ? "
                + "AND clio_activity_id = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            s.setObject(2, timeEntryId);
            s.setArray(3, c.createArrayOf("bigint", clioIds.toArray()));
            Set<Long> taken = new java.util.HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getLong(1));
                }
            }
            return taken;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the activity mapping", e);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    static String source(UUID eventId, long revision) {
        return eventId + ":" + revision;
    }

    private List<Job> queryJobs(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<Job> jobs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array sources = rs.getArray(12);
                    jobs.add(new Job(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            Kind.valueOf(rs.getString(4)), rs.getLong(5), rs.getObject(6, UUID.class),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            sources == null ? List.of() : Arrays.asList((String[]) sources.getArray()),
                            State.valueOf(rs.getString(13)), rs.getInt(14), rs.getInt(15),
                            instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)), rs.getString(18),
                            rs.getString(19)));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new IllegalStateException("Posting bookkeeping failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Posting bookkeeping failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof String[] strings) {
                s.setArray(i + 1, s.getConnection().createArrayOf("text", strings));
            } else if (a instanceof Instant instant) {
                s.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                s.setObject(i + 1, a);
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
