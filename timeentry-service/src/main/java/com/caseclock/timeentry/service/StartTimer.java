package com.caseclock.timeentry.service;

import java.util.UUID;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/timers} (all optional).
 *
 * @param entryId                a draft of the caller to extend when the timer stops; {@code null} creates a new draft
 * @param note                   note for the new draft, at most 10,000 characters
 * @param matterId               Clio matter id for the new draft
 * @param pendingMatterReference free-text matter reference for the new draft, at most 200 characters
 */
public record StartTimer(UUID entryId, @Size(max = 10_000) String note, @Positive Long matterId,
        @Size(max = 200) String pendingMatterReference) {
}
