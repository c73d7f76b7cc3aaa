package com.caseclock.timeentry.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.caseclock.events.Money;
import com.caseclock.timeentry.repository.EntryStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A time entry as the API shows it. Durations are whole seconds; money is {@code {"amount":"250.00","currency":"USD"}}
 * with hourly rates; instants are UTC.
 *
 * @param id                     entry id
 * @param userId                 owner (CaseClock user id)
 * @param workDate               calendar date in the owner's zone
 * @param timeZone               the owner's IANA zone
 * @param durationSeconds        raw duration, whole seconds; this is what goes to Clio
 * @param billablePreviewSeconds DISPLAY ONLY: the duration rounded by the firm's rule (default 6 minutes up); Clio
 *                               rounds the raw seconds itself
 * @param note                   note
 * @param matterId               Clio matter id, or {@code null}
 * @param pendingMatterReference free-text matter reference waiting for a matter, or {@code null}
 * @param activityDescriptionId  Clio activity description id, or {@code null}
 * @param nonBillable            non-billable flag
 * @param rateOverride           hourly rate override, or {@code null}
 * @param status                 DRAFT, APPROVED, SYNCING, SYNCED, SYNC_FAILED or VOIDED
 * @param clioActivityId         Clio activity id once synced
 * @param clioQuantitySeconds    seconds Clio stored
 * @param clioPrice              hourly rate Clio applied
 * @param clioTotal              total Clio computed
 * @param clioBilled             whether the activity is on a bill in Clio
 * @param expectedRate           hourly rate CaseClock expected
 * @param rateMismatch           Clio's rate differs from the expected one
 * @param syncFailure            why the last sync failed, or {@code null}
 * @param approvedBy             who approved it, or {@code null}
 * @param approvedAt             when, or {@code null}
 * @param lastSyncedAt           when Clio last stored it, or {@code null}
 * @param createdAt              creation instant
 * @param updatedAt              last change instant
 * @param version                optimistic-locking version (also the ETag)
 * @param candidateMatters       only on {@code GET /time-entries/{id}} of an unassigned entry: matters it may belong to
 */
public record TimeEntryView(UUID id, String userId, LocalDate workDate, String timeZone, long durationSeconds,
        long billablePreviewSeconds, String note, Long matterId, String pendingMatterReference,
        Long activityDescriptionId, boolean nonBillable, Money rateOverride, EntryStatus status, Long clioActivityId,
        Long clioQuantitySeconds, Money clioPrice, Money clioTotal, Boolean clioBilled, Money expectedRate,
        boolean rateMismatch, SyncFailureView syncFailure, String approvedBy, Instant approvedAt, Instant lastSyncedAt,
        Instant createdAt, Instant updatedAt, long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MatterView> candidateMatters) {

    /**
     * @param reason    failure category (e.g. NEEDS_RECONNECT, MATTER_CLOSED, ACTIVITY_BILLED)
     * @param message   plain words
     * @param retryable whether the connector may succeed later
     */
    public record SyncFailureView(String reason, String message, Boolean retryable) {
    }

    /**
     * A matter of the local projection.
     *
     * @param matterId      Clio matter id
     * @param displayNumber display number
     * @param description   description
     * @param clientName    client, or {@code null}
     * @param status        OPEN, PENDING or CLOSED
     */
    public record MatterView(long matterId, String displayNumber, String description, String clientName,
            String status) {
    }
}
