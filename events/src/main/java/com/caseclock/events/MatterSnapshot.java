package com.caseclock.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Normalised Clio matter, as carried by {@link MatterChangedV1}.
 *
 * @param clioId                    Clio matter id (positive)
 * @param displayNumber             Clio display number, e.g. {@code "00042-O'Brien"}, not {@code null}
 * @param description               matter description, not {@code null} (may be empty)
 * @param status                    matter status, not {@code null}
 * @param clientClioId              Clio contact id of the client, {@code null} if none
 * @param clientName                client display name, {@code null} if no client
 * @param responsibleAttorneyClioId Clio user id of the responsible attorney, {@code null} if none
 * @param responsibleAttorneyName   responsible attorney's name, {@code null} if none
 * @param billable                  whether time on this matter is billable by default
 * @param openDate                  date opened, {@code null} if unknown
 * @param pendingDate               date set pending, {@code null} if never
 * @param closeDate                 date closed, {@code null} unless closed
 * @param customRate                the matter's custom rate, {@code null} if the matter uses default rates
 * @param clioUpdatedAt             Clio's {@code updated_at} of the matter, UTC, not {@code null}; consumers keep
 *                                  the newest
 * @param clioEtag                  Clio's ETag of the matter, {@code null} if Clio sent none
 */
public record MatterSnapshot(
        long clioId,
        String displayNumber,
        String description,
        MatterStatus status,
        Long clientClioId,
        String clientName,
        Long responsibleAttorneyClioId,
        String responsibleAttorneyName,
        boolean billable,
        LocalDate openDate,
        LocalDate pendingDate,
        LocalDate closeDate,
        MatterCustomRate customRate,
        Instant clioUpdatedAt,
        String clioEtag) {
}
