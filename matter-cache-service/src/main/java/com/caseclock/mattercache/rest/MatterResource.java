package com.caseclock.mattercache.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.caseclock.mattercache.service.LookupService;
import com.caseclock.mattercache.service.MatterQueryService;
import com.caseclock.mattercache.service.Page;
import com.caseclock.mattercache.service.PageRequest;
import com.caseclock.mattercache.service.RateExplanation;
import com.caseclock.mattercache.service.RateExplanationService;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.CurrentCaller;

/**
 * Matter lookup API. Every request needs a bearer JWT; everything is scoped to the caller's firm (another firm's
 * matter answers 404). Errors are {@code application/problem+json}.
 */
@Path("/api/v1/matters")
@Produces(MediaType.APPLICATION_JSON)
public class MatterResource {

    private final CurrentCaller caller;
    private final MatterQueryService matters;
    private final RateExplanationService rates;
    private final LookupService lookups;

    MatterResource(CurrentCaller caller, MatterQueryService matters, RateExplanationService rates,
            LookupService lookups) {
        this.caller = caller;
        this.matters = matters;
        this.rates = rates;
        this.lookups = lookups;
    }

    /**
     * Searches matters by display number, description and client name: prefix and typo tolerant, case and accent
     * insensitive; ranked exact display number, then prefix, then fuzzy.
     *
     * @param q      search text, optional (blank lists matters by display number)
     * @param status comma-separated {@code open}, {@code pending}, {@code closed}; default open and pending
     * @param page   1-based page, default 1
     * @param size   page size 1..100, default 20
     * @return the page
     * @throws ProblemException 400 for a bad status, page or size
     */
    @GET
    public Page<MatterSummaryView> search(@QueryParam("q") String q, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String firmId = caller.get().firmId();
        PageRequest request = PageRequest.of(Ids.optionalInt("page", page), Ids.optionalInt("size", size));
        Page<com.caseclock.mattercache.repository.MatterHit> hits = matters.search(firmId, q, status, request);
        return new Page<>(hits.items().stream().map(MatterSummaryView::of).toList(), hits.page(), hits.size(),
                hits.hasMore());
    }

    /**
     * @param id Clio matter id
     * @return the matter with its client, status, responsible attorney, billable flag and rate configuration
     * @throws ProblemException 404 if the caller's firm has no such matter in the cache
     */
    @GET
    @Path("{id}")
    public MatterView get(@PathParam("id") String id) {
        return MatterView.of(matters.get(caller.get().firmId(), Ids.clioId("id", id)));
    }

    /**
     * Explains the hourly rate a time entry on the matter by the user would get, layer by layer (Clio precedence).
     *
     * @param id                    Clio matter id
     * @param userId                Clio user id (required)
     * @param activityDescriptionId Clio activity description id (optional)
     * @return the explanation; {@code known=false} with a reason when the cache cannot know
     * @throws ProblemException 400 for a missing or malformed id
     */
    @GET
    @Path("{id}/rate")
    public RateExplanation rate(@PathParam("id") String id, @QueryParam("userId") String userId,
            @QueryParam("activityDescriptionId") String activityDescriptionId) {
        String firmId = caller.get().firmId();
        long matterId = Ids.clioId("id", id);
        if (userId == null || userId.isBlank()) {
            throw ProblemException.badRequest("userId", "is required (the Clio user id)");
        }
        return rates.explain(firmId, matterId, Ids.clioId("userId", userId),
                Ids.optionalClioId("activityDescriptionId", activityDescriptionId));
    }

    /**
     * "This matter is missing": asks clio-connector to look the matter up in Clio. Returns at once; poll
     * {@code GET /api/v1/matters/lookups/{lookupId}} or the search.
     *
     * @param body the display number or text
     * @return 202 with the lookup id and its status location
     * @throws ProblemException 400 for a missing or too long query; 503 when the command cannot be published
     */
    @POST
    @Path("lookups")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestLookup(LookupRequest body) {
        var c = caller.get();
        UUID lookupId = lookups.request(c.firmId(), c.userId(), body == null ? null : body.query());
        return Response.accepted(new LookupStatusView(lookupId, "PENDING", null, List.of(), null, null))
                .location(URI.create("/api/v1/matters/lookups/" + lookupId)).build();
    }

    /**
     * @param lookupId the id returned by {@link #requestLookup}
     * @return {@code PENDING} until the connector answers, then {@code ANSWERED} with the outcome
     * @throws ProblemException 400 for a malformed id
     */
    @GET
    @Path("lookups/{lookupId}")
    public LookupStatusView lookup(@PathParam("lookupId") String lookupId) {
        UUID id = Ids.uuid("lookupId", lookupId);
        return lookups.answer(caller.get().firmId(), id)
                .map(a -> new LookupStatusView(id, "ANSWERED", a.outcome().name(), a.matterClioIds(), a.message(),
                        a.answeredAt()))
                .orElse(new LookupStatusView(id, "PENDING", null, List.of(), null, null));
    }
}
