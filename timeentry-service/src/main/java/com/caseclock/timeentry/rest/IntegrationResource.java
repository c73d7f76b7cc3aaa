package com.caseclock.timeentry.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.caseclock.service.security.CurrentCaller;
import com.caseclock.timeentry.repository.ConnectionRow;
import com.caseclock.timeentry.service.ConnectionStatusService;

/** The caller's integrations. */
@Path("/api/v1/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations")
public class IntegrationResource {

    /** The answer while no connection status was received for the user. */
    static final ClioConnectionView UNKNOWN = new ClioConnectionView("unknown", false, false, null, null, null,
            "No connection status has been received from the Clio connector yet.", null);

    private final CurrentCaller caller;
    private final ConnectionStatusService connections;

    IntegrationResource(CurrentCaller caller, ConnectionStatusService connections) {
        this.caller = caller;
        this.connections = connections;
    }

    /** The caller's Clio connection. */
    @GET
    @Path("clio")
    @Operation(summary = "The caller's Clio connection: connected, last sync, needs reconnect and why")
    public ClioConnectionView clio() {
        return connections.of(caller.get()).map(IntegrationResource::view).orElse(UNKNOWN);
    }

    /** @return the view of a stored connection state */
    static ClioConnectionView view(ConnectionRow r) {
        String status = switch (r.state()) {
            case "CONNECTED" -> "connected";
            case "NEEDS_RECONNECT" -> "needsReconnect";
            case "DISCONNECTED" -> "disconnected";
            default -> "unknown";
        };
        return new ClioConnectionView(status, "connected".equals(status), "needsReconnect".equals(status), r.region(),
                r.clioUserId(), r.lastSuccessfulSyncAt(), r.reason(), r.occurredAt());
    }
}
