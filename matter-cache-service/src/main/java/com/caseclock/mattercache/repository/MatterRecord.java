package com.caseclock.mattercache.repository;

import java.time.Instant;
import java.time.LocalDate;

import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterStatus;

/**
 * One cached matter, as last applied from {@code clio.matter.changed.v1}.
 *
 * @param firmId                    tenant id
 * @param clioId                    Clio matter id
 * @param displayNumber             Clio display number, e.g. {@code "00042-O'Brien"}
 * @param description               description, may be empty
 * @param status                    matter status
 * @param clientClioId              Clio contact id of the client, or {@code null}
 * @param clientName                client name (from the client topic if known there, else from the matter), or
 *                                  {@code null}
 * @param responsibleAttorneyClioId Clio user id of the responsible attorney, or {@code null}
 * @param responsibleAttorneyName   their name, or {@code null}
 * @param billable                  billable by default
 * @param openDate                  date opened, or {@code null}
 * @param pendingDate               date set pending, or {@code null}
 * @param closeDate                 date closed, or {@code null}
 * @param customRate                the matter's custom rate, or {@code null} when default rates apply
 * @param clioUpdatedAt             Clio {@code updated_at} of the applied snapshot (the version)
 * @param clioEtag                  Clio ETag, or {@code null}
 * @param appliedAt                 when this service applied it
 */
public record MatterRecord(String firmId, long clioId, String displayNumber, String description,
        MatterStatus status, Long clientClioId, String clientName, Long responsibleAttorneyClioId,
        String responsibleAttorneyName, boolean billable, LocalDate openDate, LocalDate pendingDate,
        LocalDate closeDate, MatterCustomRate customRate, Instant clioUpdatedAt, String clioEtag, Instant appliedAt) {
}
