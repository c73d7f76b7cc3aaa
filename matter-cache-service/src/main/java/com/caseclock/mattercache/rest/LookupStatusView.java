package com.caseclock.mattercache.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * State of an on-demand lookup.
 *
 * @param lookupId   the lookup id
 * @param status     {@code PENDING} (no answer yet) or {@code ANSWERED}
 * @param outcome    when answered: {@code FOUND}, {@code NOT_FOUND} or {@code FAILED}; else {@code null}
 * @param matterIds  Clio ids of the matters found (they appear in search once synced); empty unless found
 * @param message    plain-words detail from the connector, or {@code null}
 * @param answeredAt when the connector answered, or {@code null}
 */
public record LookupStatusView(UUID lookupId, String status, String outcome, List<Long> matterIds, String message,
        Instant answeredAt) {
}
