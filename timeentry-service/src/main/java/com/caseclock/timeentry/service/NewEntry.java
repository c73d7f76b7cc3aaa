package com.caseclock.timeentry.service;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A time entry to capture (request body of {@code POST /api/v1/time-entries}). Everything is optional so time can be
 * recorded the moment it happens: a missing work date means today in the caller's zone, a missing duration 0 seconds.
 *
 * @param workDate               calendar date of the work in the caller's zone ({@code yyyy-MM-dd})
 * @param durationSeconds        whole seconds, 0..86,400
 * @param note                   description of the work, at most 10,000 characters
 * @param matterId               Clio matter id, or {@code null}
 * @param pendingMatterReference free text naming the matter (display number or name) when its id is not known yet,
 *                               at most 200 characters; not together with {@code matterId}
 * @param activityDescriptionId  Clio activity description id, or {@code null}
 * @param nonBillable            record as non-billable (default {@code false})
 * @param rateOverride           explicit hourly rate, e.g. {@code {"amount":"300.00","currency":"USD"}}, or {@code null}
 */
public record NewEntry(
        LocalDate workDate,
        @PositiveOrZero @Max(86_400) Long durationSeconds,
        @Size(max = 10_000) String note,
        @Positive Long matterId,
        @Size(max = 200) String pendingMatterReference,
        @Positive Long activityDescriptionId,
        Boolean nonBillable,
        @Valid RateInput rateOverride) {
}
