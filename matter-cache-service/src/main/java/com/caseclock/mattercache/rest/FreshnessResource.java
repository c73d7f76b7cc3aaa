package com.caseclock.mattercache.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.caseclock.mattercache.service.FreshnessService;
import com.caseclock.mattercache.service.FreshnessService.FirmFreshness;
import com.caseclock.service.security.CurrentCaller;

/** How fresh the caller's firm's cache is. */
@Path("/api/v1/freshness")
@Produces(MediaType.APPLICATION_JSON)
public class FreshnessResource {

    private final CurrentCaller caller;
    private final FreshnessService freshness;

    FreshnessResource(CurrentCaller caller, FreshnessService freshness) {
        this.caller = caller;
        this.freshness = freshness;
    }

    /** @return per topic: last applied event of the firm, consumer lag, and whether the backfill is complete */
    @GET
    public FirmFreshness get() {
        return freshness.of(caller.get().firmId());
    }
}
