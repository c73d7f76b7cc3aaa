package com.caseclock.timeentry.service;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Request of {@code POST /api/v1/time-entries/approvals}: entries to approve together, each with the version the
 * caller saw (its ETag value). All or nothing: if one cannot be approved, none is.
 *
 * @param entries 1..500 entries, no id twice
 */
public record BulkApproval(@NotNull @NotEmpty @Size(max = 500) List<@NotNull @Valid Item> entries) {

    /**
     * @param id      time entry id
     * @param version the version the caller saw
     */
    public record Item(@NotNull UUID id, @NotNull @PositiveOrZero Long version) {
    }

    /**
     * Per-entry outcome of a bulk approval.
     *
     * @param id       entry id
     * @param outcome  {@code APPROVED}, {@code REJECTED} (this entry broke a rule), or {@code NOT_APPROVED} (fine,
     *                 but another entry of the request was rejected)
     * @param version  the entry's version after the request (its new ETag value), or {@code null} if not visible
     * @param eventId  id of the approval event recorded, or {@code null}
     * @param problems what is wrong with this entry (empty unless REJECTED)
     */
    public record Result(UUID id, String outcome, Long version, UUID eventId,
            List<com.caseclock.service.problem.Problem.FieldError> problems) {
    }
}
