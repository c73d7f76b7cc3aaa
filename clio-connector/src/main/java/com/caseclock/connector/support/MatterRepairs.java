package com.caseclock.connector.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.connector.outbox.OutboxWriter;
import com.caseclock.events.EventCodec;
import com.caseclock.events.EventJson;
import com.caseclock.events.EventKeys;
import com.caseclock.events.MatterLookupRequestedV1;
import com.caseclock.events.ResyncFirmRequestedV1;
import com.caseclock.events.Topic;
import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Matter-side repairs for support. They do not duplicate the sync: they publish the same commands matter-cache-service
 * sends ({@link ResyncFirmRequestedV1}, {@link MatterLookupRequestedV1} on {@code connector.command.v1}, through the
 * outbox), which {@code messaging.CommandConsumer} and the firm's sync worker then carry out; the lookup's answer
 * ({@code MatterLookupAnsweredV1}) is read back from the connector's own outbox.
 */
@ApplicationScoped
public class MatterRepairs {

    private final OutboxWriter outbox;
    private final AgroalDataSource dataSource;
    private final Clock clock;

    MatterRepairs(AgroalDataSource dataSource, OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * A queued command.
     *
     * @param commandEventId the command's event id ({@code ce_id} on {@code connector.command.v1})
     * @param firmId         the firm
     * @param requestedBy    {@code support:<subject>} or {@code firm-admin:<subject>}
     * @param requestedAt    when (UTC)
     * @param lookupId       for a lookup: the id its answer carries; else null
     */
    public record Queued(UUID commandEventId, String firmId, String requestedBy, Instant requestedAt, UUID lookupId) {
    }

    /**
     * Queues a full re-sync of the firm: every matter, client and rate is listed and republished, and what Clio no
     * longer has is tombstoned.
     *
     * @param includeClosedMatters also list the closed matters (within {@code connector.sync.closed-matters});
     *                             otherwise open and pending ones
     */
    public Queued resync(Caller caller, String firmId, boolean includeClosedMatters) {
        String firm = required(caller, firmId);
        ResyncFirmRequestedV1 command = new ResyncFirmRequestedV1(UUID.randomUUID(), firm, clock.instant(),
                ResyncFirmRequestedV1.SCHEMA_VERSION, includeClosedMatters, requestedBy(caller));
        append(command.eventId(), OutgoingEvent.of(command, EventCodec.shared()));
        return new Queued(command.eventId(), firm, command.requestedBy(), command.occurredAt(), null);
    }

    /**
     * Queues a look-up of one matter in Clio by display number or name; what is found is republished on the matter
     * topic and answered on {@code connector.matter-lookup.result.v1}.
     *
     * @throws ProblemException 400 when the query is blank, longer than 200 characters or has control characters
     */
    public Queued lookup(Caller caller, String firmId, String query) {
        String firm = required(caller, firmId);
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 200 || q.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("query", "a display number or name of 1 to 200 characters, without "
                    + "control characters");
        }
        MatterLookupRequestedV1 command = new MatterLookupRequestedV1(UUID.randomUUID(), firm, clock.instant(),
                MatterLookupRequestedV1.SCHEMA_VERSION, UUID.randomUUID(), q, requestedBy(caller));
        append(command.eventId(), OutgoingEvent.of(command, EventCodec.shared()));
        return new Queued(command.eventId(), firm, command.requestedBy(), command.occurredAt(), command.lookupId());
    }

    /**
     * @return the lookup's answer (the {@code MatterLookupAnsweredV1} payload), or empty while it is pending
     * @throws ProblemException 404 when this firm's outbox holds neither the lookup's request nor its answer (an
     *                          unknown lookup id, another firm's lookup, or one past the outbox retention)
     */
    public Optional<JsonNode> lookupAnswer(Caller caller, String firmId, UUID lookupId) {
        String firm = required(caller, firmId);
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<String> answer = outboxPayload(Topic.MATTER_LOOKUP_RESULT, firm, lookupId);
            if (answer.isEmpty() && outboxPayload(Topic.CONNECTOR_COMMAND, firm, lookupId).isEmpty()) {
                throw ProblemException.notFound("Matter lookup " + lookupId);
            }
            try {
                return answer.isPresent() ? Optional.of(EventJson.mapper().readTree(answer.get()))
                        : Optional.<JsonNode> empty();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Could not read the lookup answer: " + e.getMessage(), e);
            }
        });
    }

    private Optional<String> outboxPayload(Topic topic, String firm, UUID lookupId) {
        String sql = "SELECT payload FROM outbox_event WHERE topic = ? AND kafka_key = ? AND payload IS NOT NULL "
                + "AND (payload::jsonb ->> 'lookupId') = ? ORDER BY id DESC LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, topic.topicName());
            s.setString(2, firm);
            s.setString(3, lookupId.toString());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the lookup: " + e.getMessage(), e);
        }
    }

    private void append(UUID id, OutgoingEvent event) {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(event));
    }

    private static String required(Caller caller, String firmId) {
        if (!EventKeys.isValidFirmId(firmId)) {
            throw ProblemException.badRequest("firmId", "required: 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return SupportAccess.firm(caller, firmId);
    }

    private static String requestedBy(Caller caller) {
        return (caller.isSupport() ? "support:" : "firm-admin:") + caller.userId();
    }
}
