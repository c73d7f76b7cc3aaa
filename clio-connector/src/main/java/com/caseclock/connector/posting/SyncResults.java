package com.caseclock.connector.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.caseclock.events.ApprovedTimeEntry;
import com.caseclock.events.FailureReason;
import com.caseclock.events.Money;
import com.caseclock.events.SyncFailure;
import com.caseclock.events.SyncOutcome;
import com.caseclock.events.TimeEntrySyncResultV1;

/**
 * Builds {@link TimeEntrySyncResultV1}s. Clio's activities carry no currency: amounts are labelled with the currency
 * of the entry's expected rate or rate override (both in the firm's currency), else {@code connector.posting.currency}.
 */
final class SyncResults {

    private SyncResults() {
    }

    /** A result template: everything except the event id and the answered source. */
    record Draft(String firmId, UUID timeEntryId, String userId, SyncOutcome outcome, ClioActivity activity,
            Long clioActivityId, Money expectedRate, SyncFailure failure, String currency) {

        TimeEntrySyncResultV1 answer(UUID sourceEventId, long revision, Instant now) {
            Money price = activity == null ? null : money(activity.price(), currency);
            Money total = activity == null ? null : money(activity.total(), currency);
            boolean mismatch = price != null && expectedRate != null && !price.isSameValueAs(expectedRate);
            Long id = activity != null ? Long.valueOf(activity.id()) : clioActivityId;
            return new TimeEntrySyncResultV1(UUID.randomUUID(), firmId, now, TimeEntrySyncResultV1.SCHEMA_VERSION,
                    timeEntryId, userId, sourceEventId, revision, outcome, id,
                    activity == null ? null : activity.quantitySeconds(), price, total,
                    activity == null ? null : activity.billed(), expectedRate, mismatch, failure);
        }
    }

    static String currency(ApprovedTimeEntry entry, String fallback) {
        if (entry != null && entry.expectedRate() != null) {
            return entry.expectedRate().currency();
        }
        if (entry != null && entry.rateOverride() != null) {
            return entry.rateOverride().currency();
        }
        return fallback;
    }

    static SyncFailure failure(FailureReason reason, String message, boolean retryable, Integer status, int attempts) {
        return new SyncFailure(reason, message, retryable, status, Math.max(1, attempts));
    }

    private static Money money(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        BigDecimal plain = amount.scale() > 6 ? amount.setScale(6, java.math.RoundingMode.HALF_UP) : amount;
        return new Money(plain.scale() < 0 ? plain.setScale(0) : plain, currency);
    }
}
