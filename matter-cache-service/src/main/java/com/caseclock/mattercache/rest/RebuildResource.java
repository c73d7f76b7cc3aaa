package com.caseclock.mattercache.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import com.caseclock.mattercache.service.ReplayService;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.CurrentCaller;

/**
 * Support operation: throw the cache away and rebuild it from the compacted topics while the service runs. Progress
 * is logged and visible on {@code GET /api/v1/freshness} ({@code backfillComplete}).
 */
@Path("/api/v1/admin/rebuild")
public class RebuildResource {

    private final CurrentCaller caller;
    private final ReplayService replay;

    RebuildResource(CurrentCaller caller, ReplayService replay) {
        this.caller = caller;
        this.replay = replay;
    }

    /**
     * @return 202 once the projections are wiped and the consumers rewound
     * @throws ProblemException 403 unless the caller has the support role
     */
    @POST
    public Response rebuild() {
        if (!caller.get().isSupport()) {
            throw new ProblemException(403, "Forbidden", "Only CaseClock support may rebuild the cache.");
        }
        replay.rebuildNow();
        return Response.accepted().build();
    }
}
