package com.caseclock.connector.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The raw Clio API v4 operations the connector uses (paths as in Clio's OpenAPI document,
 * https://docs.developers.clio.com/openapi.json). Package-private: callers use {@link ClioApiClient}, which adds the
 * pinned API version, authentication and error classification. Methods answer the raw {@link Response} so the wrapper
 * can read status, rate-limit headers and Clio's error body.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
interface ClioRestApi {

    /** {@code GET /api/v4/users/who_am_i.json}: the user the token belongs to. */
    @GET
    @Path("/api/v4/users/who_am_i.json")
    Response whoAmI(@HeaderParam("Authorization") String authorization, @HeaderParam("X-API-VERSION") String version,
            @QueryParam("fields") String fields);

    /**
     * {@code GET} of a full URL: a list page ({@code /api/v4/matters.json?…}) or the {@code meta.paging.next} link
     * Clio answered (https://docs.developers.clio.com/api-docs/paging).
     */
    @GET
    Response get(@io.quarkus.rest.client.reactive.Url String url, @HeaderParam("Authorization") String authorization,
            @HeaderParam("X-API-VERSION") String version);

    /**
     * {@code POST /oauth/deauthorize}: revokes the token (bearer in the header and as form field {@code token}, as
     * public integrations call it; NOTES.md §2).
     */
    @jakarta.ws.rs.POST
    @Path("/oauth/deauthorize")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response deauthorize(@HeaderParam("Authorization") String authorization,
            @jakarta.ws.rs.FormParam("token") String token);

    // --- Activities (posting approved time entries; com.caseclock.connector.posting) ---------------------------------

    /** {@code POST /api/v4/activities.json}: creates an activity; {@code body} is Clio's {@code {"data":{…}}}. */
    @jakarta.ws.rs.POST
    @Path("/api/v4/activities.json")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    Response createActivity(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-API-VERSION") String version, @QueryParam("fields") String fields, String body);

    /** {@code GET /api/v4/activities/{id}.json}. */
    @GET
    @Path("/api/v4/activities/{id}.json")
    Response activity(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-API-VERSION") String version, @jakarta.ws.rs.PathParam("id") long id,
            @QueryParam("fields") String fields);

    /** {@code PATCH /api/v4/activities/{id}.json} with {@code If-Match} (412 when the activity changed). */
    @jakarta.ws.rs.PATCH
    @Path("/api/v4/activities/{id}.json")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    Response updateActivity(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-API-VERSION") String version, @HeaderParam("If-Match") String ifMatch,
            @jakarta.ws.rs.PathParam("id") long id, @QueryParam("fields") String fields, String body);

    /** {@code DELETE /api/v4/activities/{id}.json} (204). */
    @jakarta.ws.rs.DELETE
    @Path("/api/v4/activities/{id}.json")
    Response deleteActivity(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-API-VERSION") String version, @jakarta.ws.rs.PathParam("id") long id);

    /** {@code POST /api/v4/webhooks.json}: registers a webhook (https://docs.developers.clio.com/guides/clio-manage/webhooks/). */
    @jakarta.ws.rs.POST
    @Path("/api/v4/webhooks.json")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    Response createWebhook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-API-VERSION") String version, @QueryParam("fields") String fields, String body);

    /** {@code GET /api/v4/webhooks/{id}.json}. */
    @GET
    @Path("/api/v4/webhooks/{id}.json")
    Response webhook(@HeaderParam("Authorization") String authorization, @HeaderParam("X-API-VERSION") String version,
            @jakarta.ws.rs.PathParam("id") long id, @QueryParam("fields") String fields);

    /** {@code PATCH /api/v4/webhooks/{id}.json}: renews ({@code expires_at}). */
    @jakarta.ws.rs.PATCH
    @Path("/api/v4/webhooks/{id}.json")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    Response updateWebhook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-API-VERSION") String version, @jakarta.ws.rs.PathParam("id") long id,
            @QueryParam("fields") String fields, String body);
}
