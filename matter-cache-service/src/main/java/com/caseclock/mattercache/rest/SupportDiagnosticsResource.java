package com.caseclock.mattercache.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.caseclock.mattercache.service.FreshnessService;
import com.caseclock.mattercache.service.RateExplanation;
import com.caseclock.mattercache.service.RateExplanationService;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;
import com.caseclock.service.security.CurrentCaller;

/**
 * matter-cache-service's part of the support diagnostics bundle: {@code GET /api/v1/support/diagnostics?firmId=
 * &matterId=&userId=&activityDescriptionId=}, a downloadable JSON document ({@code Content-Disposition: attachment})
 * with the rate explanation for a matter and a Clio user ({@link RateExplanationService}) and the firm's cache
 * freshness ({@link FreshnessService}). CaseClock support names any firm with {@code firmId}; everyone else gets
 * their own firm, and naming another firm answers 404. {@code userId} is the <b>Clio</b> user id, as on
 * {@code /matters/{id}/rate} (the cache has no CaseClock-to-Clio user mapping).
 */
@Path("/api/v1/support/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
public class SupportDiagnosticsResource {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_FIRM_LENGTH = 200;

    private final CurrentCaller caller;
    private final RateExplanationService rates;
    private final FreshnessService freshness;
    private final String service;
    private final String version;

    SupportDiagnosticsResource(CurrentCaller caller, RateExplanationService rates, FreshnessService freshness,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.caller = caller;
        this.rates = rates;
        this.freshness = freshness;
        this.service = service;
        this.version = version;
    }

    /**
     * @param firmId                the firm (required for support; others may leave it out or name their own)
     * @param matterId              Clio matter id whose rate to explain (optional; needs {@code userId})
     * @param userId                Clio user id (with {@code matterId})
     * @param activityDescriptionId Clio activity description id (optional)
     * @return 200 with {@link SupportDiagnosticsView} as an attachment
     * @throws ProblemException 400 for a malformed id, {@code matterId} without {@code userId} (or the reverse), or
     *                          support without {@code firmId}; 404 for another firm
     */
    @GET
    public Response get(@QueryParam("firmId") String firmId, @QueryParam("matterId") String matterId,
            @QueryParam("userId") String userId, @QueryParam("activityDescriptionId") String activityDescriptionId) {
        String firm = firm(caller.get(), firmId);
        Long matter = Ids.optionalClioId("matterId", matterId);
        Long user = Ids.optionalClioId("userId", userId);
        Long activity = Ids.optionalClioId("activityDescriptionId", activityDescriptionId);
        if (matter != null && user == null) {
            throw ProblemException.badRequest("userId", "is required with matterId (the Clio user id)");
        }
        if (matter == null && user != null) {
            throw ProblemException.badRequest("matterId", "is required with userId (the Clio matter id)");
        }
        RateExplanation explanation = matter == null ? null : rates.explain(firm, matter, user, activity);
        Instant now = Instant.now();
        String file = "matter-cache-diagnostics-" + firm.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + FILE_TIME.format(now) + ".json";
        SupportDiagnosticsView view = new SupportDiagnosticsView(
                new SupportDiagnosticsView.ServiceView(service, version), now, firm, explanation, freshness.of(firm));
        return Response.ok(view).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .build();
    }

    /**
     * @return the firm to diagnose: any named firm for support (required), the caller's own for everyone else
     * @throws ProblemException 400 when support names none or the id is malformed; 404 for another firm
     */
    private static String firm(Caller caller, String requested) {
        String firm = requested == null || requested.isBlank() ? null : requested.trim();
        if (firm != null && (firm.length() > MAX_FIRM_LENGTH || firm.chars().anyMatch(Character::isISOControl))) {
            throw ProblemException.badRequest("firmId", "must be at most " + MAX_FIRM_LENGTH
                    + " characters without control characters");
        }
        if (caller.isSupport()) {
            if (firm == null) {
                throw ProblemException.badRequest("firmId", "is required for support (the firm to diagnose)");
            }
            return firm;
        }
        if (firm != null && !firm.equals(caller.firmId())) {
            throw ProblemException.notFound("Firm " + firm);
        }
        return caller.firmId();
    }
}
