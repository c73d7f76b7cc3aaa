package com.caseclock.timeentry.service;

import java.util.UUID;

/**
 * CDI event fired when an event was recorded in the outbox; observed after the transaction commits to publish it
 * right away instead of at the next scheduled relay run.
 *
 * @param eventId the recorded event's id
 */
public record OutboxRecorded(UUID eventId) {
}
