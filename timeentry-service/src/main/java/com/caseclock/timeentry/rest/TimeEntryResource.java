package com.caseclock.timeentry.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.caseclock.events.EventJson;
import com.caseclock.service.security.Caller;
import com.caseclock.service.security.CurrentCaller;
import com.caseclock.timeentry.repository.FirmSettings;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.service.ApprovalService;
import com.caseclock.timeentry.service.AuditTrail;
import com.caseclock.timeentry.service.BulkApproval;
import com.caseclock.timeentry.service.EntryChanges;
import com.caseclock.timeentry.service.EntryPage;
import com.caseclock.timeentry.service.EntryQuery;
import com.caseclock.timeentry.service.EntryService;
import com.caseclock.timeentry.service.NewEntry;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Time entries: capture, list, fix, approve, void, audit. Every endpoint needs a bearer token; a lawyer sees only
 * their own entries, a firm admin the firm's; anything else is 404. Writes to an existing entry need
 * {@code If-Match: "<version>"} (428 without, 412 when stale); responses carry the entry's {@code ETag}.
 */
@Path("/api/v1/time-entries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time entries")
public class TimeEntryResource {

    /** Media type of JSON merge patch (RFC 7396). */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private final CurrentCaller caller;
    private final EntryService entries;
    private final ApprovalService approvals;
    private final AuditTrail audit;
    private final EntryViews views;

    TimeEntryResource(CurrentCaller caller, EntryService entries, ApprovalService approvals, AuditTrail audit,
            EntryViews views) {
        this.caller = caller;
        this.entries = entries;
        this.approvals = approvals;
        this.audit = audit;
        this.views = views;
    }

    /** Captures a draft; 201 with Location and ETag. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a time entry (matter optional: capture first, fix later)")
    public Response create(@Valid @NotNull NewEntry request) {
        TimeEntry e = entries.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/time-entries/" + e.id)).tag(etag(e)).entity(views.view(e))
                .build();
    }

    /** Lists entries with filters, paging and per-day/per-week totals. */
    @GET
    @Operation(summary = "List entries (filters: from, to, status, matterId, unassigned, userId for firm admins)")
    public EntryPageView list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("status") String status, @QueryParam("matterId") String matterId,
            @QueryParam("unassigned") String unassigned, @QueryParam("userId") String userId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        EntryQuery query = new EntryQuery(Params.date("from", from), Params.date("to", to), Params.status(status),
                Params.positiveLong("matterId", matterId), Params.bool("unassigned", unassigned), userId,
                Params.intInRange("page", page, 0, 0, 1_000_000), Params.intInRange("size", size, 50, 1, 200));
        return page(entries.list(caller.get(), query));
    }

    /** Lists the caller's entries that have no matter yet. */
    @GET
    @Path("unassigned")
    @Operation(summary = "List the caller's entries without a matter")
    public EntryPageView unassigned(@QueryParam("page") String page, @QueryParam("size") String size) {
        Caller c = caller.get();
        EntryQuery query = new EntryQuery(null, null, null, null, true, c.userId(),
                Params.intInRange("page", page, 0, 0, 1_000_000), Params.intInRange("size", size, 50, 1, 200));
        return page(entries.list(c, query));
    }

    /** One entry; an unassigned one lists candidate matters. */
    @GET
    @Path("{id}")
    @Operation(summary = "Get an entry (with candidate matters when unassigned)")
    public Response get(@PathParam("id") UUID id) {
        TimeEntry e = entries.get(caller.get(), id);
        TimeEntryView view = views.view(e, views.settingsOf(e.firmId), e.unassigned() ? entries.candidates(e) : null);
        return Response.ok(view).tag(etag(e)).build();
    }

    /** Merge-patches an entry (see {@link EntryChanges}). */
    @PATCH
    @Path("{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change an entry (JSON merge patch; an approved entry is re-sent to Clio)")
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EntryChanges changes) {
        TimeEntry e = entries.patch(caller.get(), id, IfMatch.version(ifMatch), changes);
        return Response.ok(views.view(e)).tag(etag(e)).build();
    }

    /** Deletes a draft. */
    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft")
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        entries.delete(caller.get(), id, IfMatch.version(ifMatch));
        return Response.noContent().build();
    }

    /** Voids an approved entry. */
    @POST
    @Path("{id}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Void an approved entry (removes it from Clio)")
    public Response voidEntry(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid VoidRequest request) {
        TimeEntry e = approvals.voidEntry(caller.get(), id, IfMatch.version(ifMatch),
                request == null ? null : request.reason());
        return Response.ok(views.view(e)).tag(etag(e)).build();
    }

    /** Approves one entry. */
    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve an entry (sends it to Clio)")
    public Response approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TimeEntry e = approvals.approve(caller.get(), id, IfMatch.version(ifMatch));
        return Response.ok(views.view(e)).tag(etag(e)).build();
    }

    /** Approves many entries, all or nothing, with a per-entry report. */
    @POST
    @Path("approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve many entries at once (all or nothing; 422 with a per-entry report)")
    public BulkApprovalReport approveAll(@Valid @NotNull BulkApproval request) {
        return new BulkApprovalReport(true, approvals.approveAll(caller.get(), request));
    }

    /** The entry's audit trail. */
    @GET
    @Path("{id}/audit")
    @Operation(summary = "Audit trail of an entry: every change, who, when, events sent and received")
    public List<AuditView> audit(@PathParam("id") UUID id) {
        entries.get(caller.get(), id);
        return audit.trail(id).stream().map(r -> new AuditView(r.at(), r.actor(), r.action(), json(r.detailsJson()),
                r.eventSent(), r.eventReceived())).toList();
    }

    /** Candidate matters for an unassigned entry. */
    @GET
    @Path("{id}/candidate-matters")
    @Operation(summary = "Matters an unassigned entry may belong to, best match first")
    public List<TimeEntryView.MatterView> candidates(@PathParam("id") UUID id) {
        return entries.candidates(caller.get(), id).stream().map(EntryViews::matter).toList();
    }

    private EntryPageView page(EntryPage p) {
        FirmSettings firm = views.settingsOf(caller.get().firmId());
        return new EntryPageView(p.items().stream().map(e -> views.view(e, firm, null)).toList(), p.page(), p.size(),
                p.totalItems(), new EntryPageView.Totals(p.perDay(), p.perWeek()));
    }

    private static jakarta.ws.rs.core.EntityTag etag(TimeEntry e) {
        return new jakarta.ws.rs.core.EntityTag(Long.toString(e.version));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit details are not JSON", e);
        }
    }
}
