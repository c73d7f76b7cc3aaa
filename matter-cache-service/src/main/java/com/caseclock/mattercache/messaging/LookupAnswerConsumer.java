package com.caseclock.mattercache.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.caseclock.events.EventCodec;
import com.caseclock.events.InvalidEventException;
import com.caseclock.events.MatterLookupAnsweredV1;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.mattercache.repository.InboxRepository;
import com.caseclock.mattercache.repository.LookupAnswerRepository;

/**
 * Consumes {@code connector.matter-lookup.result.v1}: the connector's answers to on-demand matter lookups, stored for
 * {@code GET /api/v1/matters/lookups/{lookupId}}. The matters found arrive separately on the matter topic. Poison
 * records go to the dead-letter topic.
 */
@ApplicationScoped
public class LookupAnswerConsumer {

    /** Channel name; also this consumer's name in the inbox. */
    public static final String CHANNEL = "lookup-answers-in";

    private final EventCodec codec = EventCodec.shared();
    private final InboxRepository inbox;
    private final LookupAnswerRepository answers;

    LookupAnswerConsumer(InboxRepository inbox, LookupAnswerRepository answers) {
        this.inbox = inbox;
        this.answers = answers;
    }

    /**
     * @param record key = firm id, value = {@code MatterLookupAnsweredV1} JSON
     * @throws InvalidEventException for a poison record (routed to the dead-letter topic)
     */
    @Incoming(CHANNEL)
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        ReceivedEvent received = ReceivedEvent.read(record, codec);
        if (!(received.event() instanceof MatterLookupAnsweredV1 answer)) {
            throw new InvalidEventException("unexpected ce_type " + received.ceType() + " on " + record.topic());
        }
        if (inbox.recordFirstDelivery(CHANNEL, received)) {
            answers.save(answer);
        }
    }
}
