package com.caseclock.mattercache.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import com.caseclock.events.MatterCustomRate;
import com.caseclock.mattercache.repository.MatterRecord;

/**
 * A matter as the API shows it ({@code GET /api/v1/matters/{id}}).
 *
 * @param id                  Clio matter id
 * @param displayNumber       Clio display number
 * @param description         description
 * @param status              {@code open}, {@code pending} or {@code closed}
 * @param client              the client, or {@code null}
 * @param responsibleAttorney the responsible attorney, or {@code null}
 * @param billable            billable by default
 * @param openDate            date opened (ISO date), or {@code null}
 * @param pendingDate         date set pending, or {@code null}
 * @param closeDate           date closed, or {@code null}
 * @param customRate          the matter's custom rate configuration (type {@code HOURLY_RATE}, {@code FLAT_RATE} or
 *                            {@code CONTINGENCY_FEE}; lines per user, group or everyone, money as
 *                            {@code {"amount":"350.00","currency":"USD"}}), or {@code null} when default rates apply
 * @param clioUpdatedAt       Clio {@code updated_at} of the cached version
 */
public record MatterView(long id, String displayNumber, String description, String status, Ref client,
        Ref responsibleAttorney, boolean billable, LocalDate openDate, LocalDate pendingDate, LocalDate closeDate,
        MatterCustomRate customRate, Instant clioUpdatedAt) {

    /**
     * A reference to a Clio record.
     *
     * @param id   Clio id
     * @param name its name, or {@code null} if unknown
     */
    public record Ref(long id, String name) {
    }

    static MatterView of(MatterRecord m) {
        return new MatterView(m.clioId(), m.displayNumber(), m.description(),
                m.status().name().toLowerCase(Locale.ROOT),
                m.clientClioId() == null ? null : new Ref(m.clientClioId(), m.clientName()),
                m.responsibleAttorneyClioId() == null ? null
                        : new Ref(m.responsibleAttorneyClioId(), m.responsibleAttorneyName()),
                m.billable(), m.openDate(), m.pendingDate(), m.closeDate(), m.customRate(), m.clioUpdatedAt());
    }
}
