package com.caseclock.mattercache.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.caseclock.events.InvalidEventException;
import com.caseclock.events.kafka.ReceivedEvent;

/** What {@link RecordBatcher} does with the records it takes ({@link ProjectionConsumer}). */
public interface BatchHandler {

    /**
     * Reads and validates one record without touching the database.
     *
     * @param record the Kafka record
     * @return the event read
     * @throws InvalidEventException for a poison record: it is nacked at once and goes to the dead-letter topic
     */
    ReceivedEvent read(ConsumerRecord<String, String> record);

    /**
     * Applies records in order, inside one transaction opened by the caller (inbox first, then effects).
     *
     * @param batch records read by {@link #read}, in partition order
     */
    void apply(List<Delivered> batch);
}
