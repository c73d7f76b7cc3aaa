package com.caseclock.mattercache.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.caseclock.mattercache.repository.ClientRecord;
import com.caseclock.mattercache.service.ClientQueryService;
import com.caseclock.mattercache.service.Page;
import com.caseclock.mattercache.service.PageRequest;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.CurrentCaller;

/** Client lookup API, scoped to the caller's firm. Errors are {@code application/problem+json}. */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
public class ClientResource {

    private final CurrentCaller caller;
    private final ClientQueryService clients;

    ClientResource(CurrentCaller caller, ClientQueryService clients) {
        this.caller = caller;
        this.clients = clients;
    }

    /**
     * @param q    search text (name, first/last name, e-mail), optional
     * @param page 1-based page, default 1
     * @param size page size 1..100, default 20
     * @return the ranked page
     * @throws ProblemException 400 for a bad page or size
     */
    @GET
    public Page<ClientView> search(@QueryParam("q") String q, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Ids.optionalInt("page", page), Ids.optionalInt("size", size));
        Page<ClientRecord> found = clients.search(caller.get().firmId(), q, request);
        return new Page<>(found.items().stream().map(c -> ClientView.of(c, null)).toList(), found.page(),
                found.size(), found.hasMore());
    }

    /**
     * @param id Clio contact id
     * @return the client with its custom rates
     * @throws ProblemException 404 if the caller's firm has no such client in the cache
     */
    @GET
    @Path("{id}")
    public ClientView get(@PathParam("id") String id) {
        var found = clients.get(caller.get().firmId(), Ids.clioId("id", id));
        return ClientView.of(found.client(), found.rates());
    }
}
