package com.caseclock.service.outbox;

import java.util.UUID;

/**
 * CDI event a service fires when it recorded an event in its outbox. The service's publisher observes it after the
 * transaction commits ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}) and calls
 * {@link OutboxDriver#nudge()}, so the event is published right away instead of at the next scheduled relay run.
 *
 * @param eventId the recorded event's id
 */
public record OutboxRecorded(UUID eventId) {
}
