package com.caseclock.mattercache.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import com.caseclock.events.EventCodec;
import com.caseclock.events.MatterLookupRequestedV1;
import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.mattercache.config.MatterCacheConfig;
import com.caseclock.mattercache.repository.LookupAnswerRepository;
import com.caseclock.mattercache.repository.LookupAnswerRepository.LookupAnswer;
import com.caseclock.service.problem.ProblemException;

import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * On-demand matter lookups ("this matter is missing"): publishes a {@link MatterLookupRequestedV1} command for
 * clio-connector on {@code connector.command.v1} and reads the connector's answers.
 *
 * <p>Requests are stateless: nothing is stored when a lookup is asked for, the command is the only effect, so there
 * is no dual write between the database and Kafka. The request waits (bounded) for Kafka's acknowledgement and fails
 * with 503 if it does not come. The answer ({@code MatterLookupAnsweredV1}) is stored when it arrives; until then a
 * lookup is reported as pending.
 */
@ApplicationScoped
public class LookupService {

    /** Outgoing channel of the connector commands. */
    public static final String CHANNEL = "connector-commands-out";

    private static final Logger LOG = Logger.getLogger(LookupService.class);

    private final MutinyEmitter<String> commands;
    private final MatterCacheConfig config;
    private final LookupAnswerRepository answers;

    LookupService(@Channel(CHANNEL) MutinyEmitter<String> commands, MatterCacheConfig config,
            LookupAnswerRepository answers) {
        this.commands = commands;
        this.config = config;
        this.answers = answers;
    }

    /**
     * @param firmId      the caller's firm
     * @param requestedBy the caller's user id
     * @param query       display number or text, 1..200 characters after trimming
     * @return the lookup id to poll
     * @throws ProblemException 400 for a blank or too long query; 503 when Kafka does not acknowledge in time
     */
    public UUID request(String firmId, String requestedBy, String query) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty() || q.length() > MatterQueryService.MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("query", "must be 1 to " + MatterQueryService.MAX_QUERY_LENGTH
                    + " characters");
        }
        UUID lookupId = UUID.randomUUID();
        MatterLookupRequestedV1 command = new MatterLookupRequestedV1(UUID.randomUUID(), firmId, Instant.now(),
                MatterLookupRequestedV1.SCHEMA_VERSION, lookupId, q, requestedBy);
        try {
            commands.sendMessage(OutgoingEvent.of(command, EventCodec.shared()).toMessage(config.eventSource()))
                    .await().atMost(config.lookup().publishTimeout());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Matter lookup %s for firm %s could not be published", lookupId, firmId);
            throw new ProblemException(503, "Service unavailable",
                    "The lookup could not be sent to Clio right now; try again in a moment.");
        }
        return lookupId;
    }

    /**
     * @param firmId   the caller's firm
     * @param lookupId the lookup id
     * @return the answer, empty while the connector has not answered (or if the lookup is another firm's)
     */
    public Optional<LookupAnswer> answer(String firmId, UUID lookupId) {
        return answers.find(firmId, lookupId);
    }
}
