package com.caseclock.timeentry.rest;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.caseclock.service.security.CurrentCaller;
import com.caseclock.timeentry.repository.Timer;
import com.caseclock.timeentry.service.StartTimer;
import com.caseclock.timeentry.service.TimerService;
import com.caseclock.timeentry.service.TimerStop;

/** The caller's timers (personal: nobody else sees them). */
@Path("/api/v1/timers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timers")
public class TimerResource {

    private final CurrentCaller caller;
    private final TimerService timers;
    private final EntryViews views;
    private final Clock clock;

    TimerResource(CurrentCaller caller, TimerService timers, EntryViews views, Clock clock) {
        this.caller = caller;
        this.timers = timers;
        this.views = views;
        this.clock = clock;
    }

    /** The caller's running and paused timers. */
    @GET
    @Operation(summary = "List the caller's running and paused timers")
    public List<TimerView> active() {
        return timers.active(caller.get()).stream().map(this::view).toList();
    }

    /** Starts a timer (201). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a timer (409 if the firm's running-timer limit is reached)")
    public Response start(@Valid StartTimer request) {
        Timer t = timers.start(caller.get(), request);
        return Response.status(201).entity(view(t)).build();
    }

    /** One timer of the caller. */
    @GET
    @Path("{id}")
    @Operation(summary = "Get one of the caller's timers")
    public TimerView get(@PathParam("id") UUID id) {
        return view(timers.get(caller.get(), id));
    }

    /** Pauses a running timer. */
    @POST
    @Path("{id}/pause")
    @Operation(summary = "Pause a running timer")
    public TimerView pause(@PathParam("id") UUID id) {
        return view(timers.pause(caller.get(), id));
    }

    /** Resumes a paused timer. */
    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume a paused timer")
    public TimerView resume(@PathParam("id") UUID id) {
        return view(timers.resume(caller.get(), id));
    }

    /** Stops a timer: its time goes into a draft entry. */
    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a timer; creates or extends a draft entry")
    public TimerStopView stop(@PathParam("id") UUID id) {
        TimerStop stop = timers.stop(caller.get(), id);
        return new TimerStopView(view(stop.timer()), views.view(stop.entry()));
    }

    private TimerView view(Timer t) {
        return new TimerView(t.id, t.state, t.startedAt, t.runningSince, t.elapsedSeconds(clock.instant()),
                t.stoppedAt, t.workDate, t.entryId, t.note, t.matterId, t.pendingMatterReference, t.version);
    }
}
