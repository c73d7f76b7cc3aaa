package com.caseclock.timeentry.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import com.caseclock.timeentry.repository.RoundingDirection;

/**
 * New firm settings (all fields required).
 *
 * @param roundingIncrementMinutes billing increment for the preview, minutes, 1..60
 * @param roundingDirection        UP, NEAREST or DOWN
 * @param allowClosedMatters       whether entries on closed matters may be approved
 * @param maxRunningTimers         running timers allowed per user, 1..20
 */
public record FirmSettingsChange(
        @NotNull @Min(1) @Max(60) Integer roundingIncrementMinutes,
        @NotNull RoundingDirection roundingDirection,
        @NotNull Boolean allowClosedMatters,
        @NotNull @Min(1) @Max(20) Integer maxRunningTimers) {
}
