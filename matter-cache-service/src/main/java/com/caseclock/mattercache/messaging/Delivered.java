package com.caseclock.mattercache.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.caseclock.events.kafka.ReceivedEvent;

/**
 * A record delivered to a projection consumer, already read and validated.
 *
 * @param message the SmallRye message (acknowledged or nacked once handled)
 * @param record  the Kafka record
 * @param event   the CloudEvent read from it ({@code event()} is {@code null} for a tombstone)
 */
public record Delivered(Message<String> message, ConsumerRecord<String, String> record, ReceivedEvent event) {
}
