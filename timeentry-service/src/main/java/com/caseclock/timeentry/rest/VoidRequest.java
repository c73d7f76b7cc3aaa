package com.caseclock.timeentry.rest;

import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/time-entries/{id}/void} (optional).
 *
 * @param reason why, in plain words, at most 1,000 characters
 */
public record VoidRequest(@Size(max = 1_000) String reason) {
}
