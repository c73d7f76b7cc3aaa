package com.caseclock.connector.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.caseclock.connector.client.ClioRegion;
import com.caseclock.connector.service.ConnectionService;
import com.caseclock.connector.service.ConnectionView;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;
import com.caseclock.service.security.CurrentCaller;

/**
 * A user's connection to Clio: start the OAuth 2.0 authorization code flow, Clio's redirect back, status and
 * disconnect. Every operation but the callback needs the caller's bearer token; the callback is authenticated by its
 * single-use {@code state}.
 */
@Path("/api/v1/connections/clio")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectionResource {

    private final ConnectionService connections;
    private final CurrentCaller caller;

    ConnectionResource(ConnectionService connections, CurrentCaller caller) {
        this.connections = connections;
        this.caller = caller;
    }

    /**
     * Request body of {@code POST}.
     *
     * @param region US, EU, CA or AU; default US
     */
    public record StartRequest(String region) {
    }

    /**
     * Answer of {@code POST}.
     *
     * @param authorizeUrl the Clio consent page the browser must open
     */
    public record StartResponse(URI authorizeUrl) {
    }

    /** Starts connecting the caller's Clio login. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start connecting to Clio", description = "Answers the Clio consent URL for the browser.")
    public StartResponse start(StartRequest request) {
        String requested = request == null || request.region() == null ? "US" : request.region();
        ClioRegion region = ClioRegion.parse(requested)
                .orElseThrow(() -> ProblemException.badRequest("region", "must be one of US, EU, CA, AU"));
        return new StartResponse(connections.start(caller.get(), region));
    }

    /** Where Clio sends the browser back after consent. */
    @GET
    @Path("/callback")
    @Operation(summary = "OAuth redirect target", description = "Exchanges the code; public, checked by state.")
    public ConnectionView callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error) {
        return connections.complete(state, code, error);
    }

    /** The caller's connection. */
    @GET
    @Operation(summary = "The caller's Clio connection")
    public ConnectionView status() {
        return connections.status(caller.get());
    }

    /** Every connection of the caller's firm (firm admins only). */
    @GET
    @Path("/firm")
    @Operation(summary = "All Clio connections of the caller's firm (firm admin)")
    public List<ConnectionView> firm() {
        Caller current = caller.get();
        if (!current.isFirmAdmin()) {
            throw new ProblemException(403, "Forbidden", "Only a firm administrator sees the firm's connections.");
        }
        return connections.firmStatus(current);
    }

    /** Disconnects: revokes at Clio and deletes the tokens. */
    @DELETE
    @Operation(summary = "Disconnect from Clio")
    public Response disconnect() {
        connections.disconnect(caller.get());
        return Response.noContent().build();
    }
}
