package com.caseclock.mattercache.rest;

import java.time.Instant;

import com.caseclock.mattercache.service.FreshnessService.FirmFreshness;
import com.caseclock.mattercache.service.RateExplanation;

/**
 * matter-cache-service's part of a support diagnostics bundle ({@code GET /api/v1/support/diagnostics}). Holds no
 * token or secret: this service never sees Clio credentials.
 *
 * @param service         which service made this part ({@code matter-cache-service}) and its version
 * @param generatedAt     when this document was made, UTC
 * @param firmId          the firm diagnosed
 * @param rateExplanation which rate an entry on the requested matter by the requested Clio user would get, layer by
 *                        layer (as {@code GET /api/v1/matters/{id}/rate}), or {@code null} when no matter was asked
 *                        for
 * @param freshness       the firm's cache freshness per topic: last applied event, consumer lag, backfill complete
 *                        (as {@code GET /api/v1/freshness})
 */
public record SupportDiagnosticsView(ServiceView service, Instant generatedAt, String firmId,
        RateExplanation rateExplanation, FirmFreshness freshness) {

    /**
     * @param name    {@code quarkus.application.name}
     * @param version {@code quarkus.application.version} (the project version in a packaged service)
     */
    public record ServiceView(String name, String version) {
    }
}
