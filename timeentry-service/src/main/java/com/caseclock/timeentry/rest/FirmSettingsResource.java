package com.caseclock.timeentry.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.caseclock.service.security.CurrentCaller;
import com.caseclock.timeentry.repository.FirmSettings;
import com.caseclock.timeentry.service.FirmSettingsChange;
import com.caseclock.timeentry.service.FirmSettingsService;

/** The caller's firm settings; anyone of the firm reads them, firm admins change them. */
@Path("/api/v1/firm-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Firm settings")
public class FirmSettingsResource {

    private final CurrentCaller caller;
    private final FirmSettingsService settings;

    FirmSettingsResource(CurrentCaller caller, FirmSettingsService settings) {
        this.caller = caller;
        this.settings = settings;
    }

    /** The firm's settings (defaults if never changed, version 0). */
    @GET
    @Operation(summary = "The caller's firm settings")
    public Response get() {
        FirmSettings s = settings.current(caller.get().firmId());
        return Response.ok(view(s)).tag(new EntityTag(Long.toString(s.version))).build();
    }

    /** Replaces the settings (firm admins; If-Match required, {@code "0"} for never-saved defaults). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the firm settings (firm admins)")
    public Response put(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull FirmSettingsChange change) {
        FirmSettings s = settings.update(caller.get(), IfMatch.version(ifMatch), change);
        return Response.ok(view(s)).tag(new EntityTag(Long.toString(s.version))).build();
    }

    private static FirmSettingsView view(FirmSettings s) {
        return new FirmSettingsView(s.roundingIncrementMinutes, s.roundingDirection.name(), s.allowClosedMatters,
                s.maxRunningTimers, s.version);
    }

    /**
     * @param roundingIncrementMinutes preview rounding increment, minutes
     * @param roundingDirection        UP, NEAREST or DOWN
     * @param allowClosedMatters       entries on closed matters may be approved
     * @param maxRunningTimers         running timers per user
     * @param version                  row version (ETag)
     */
    public record FirmSettingsView(int roundingIncrementMinutes, String roundingDirection, boolean allowClosedMatters,
            int maxRunningTimers, long version) {
    }
}
