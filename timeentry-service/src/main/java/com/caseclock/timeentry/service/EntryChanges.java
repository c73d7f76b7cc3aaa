package com.caseclock.timeentry.service;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Changes to a time entry (body of {@code PATCH /api/v1/time-entries/{id}}), with JSON merge-patch semantics
 * (RFC 7396): a field left out stays as it is ({@code null} here), a field sent as {@code null} is cleared
 * ({@link Optional#empty()}), a field with a value is replaced. Fields that cannot be cleared ({@code workDate},
 * {@code durationSeconds}, {@code note}, {@code nonBillable}) refuse {@code null}. Setting {@code matterId} clears
 * {@code pendingMatterReference}.
 */
public class EntryChanges {

    /** New work date ({@code yyyy-MM-dd}). */
    public Optional<@NotNull LocalDate> workDate;
    /** New duration, whole seconds 0..86,400. */
    public Optional<@NotNull @PositiveOrZero @Max(86_400) Long> durationSeconds;
    /** New note, at most 10,000 characters. */
    public Optional<@NotNull @Size(max = 10_000) String> note;
    /** New Clio matter id, or null to unassign. */
    public Optional<@Positive Long> matterId;
    /** New pending matter reference, or null to clear. */
    public Optional<@Size(max = 200) String> pendingMatterReference;
    /** New Clio activity description id, or null to clear. */
    public Optional<@Positive Long> activityDescriptionId;
    /** New non-billable flag. */
    public Optional<@NotNull Boolean> nonBillable;
    /** New hourly rate override, or null to clear. */
    public Optional<@Valid RateInput> rateOverride;

    /** @return {@code true} when no field was sent */
    public boolean isEmpty() {
        return workDate == null && durationSeconds == null && note == null && matterId == null
                && pendingMatterReference == null && activityDescriptionId == null && nonBillable == null
                && rateOverride == null;
    }
}
