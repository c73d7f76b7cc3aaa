package com.caseclock.connector.client;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import com.caseclock.connector.config.ConnectorConfig;
import com.caseclock.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The connector's only door to Clio's API v4. Every request carries the pinned {@code X-API-VERSION}
 * (https://docs.developers.clio.com/api-docs/api-versioning-policy) and the user's bearer token, and goes to the host
 * of the connection's region. Errors are classified: {@link ClioApiException} for a 4xx answer (401, 403, 404, 410,
 * 422, 429 with Retry-After), {@link ClioUnavailable} for a 5xx or when no answer came (timeout, reset).
 */
@ApplicationScoped
public class ClioApiClient {

    private final ConnectorConfig config;
    private final Map<ClioRegion, ClioRestApi> apis = new ConcurrentHashMap<>();

    ClioApiClient(ConnectorConfig config) {
        this.config = config;
    }

    /**
     * {@code GET /api/v4/users/who_am_i.json?fields=id,name,email,time_zone}.
     *
     * @param region      the connection's region
     * @param accessToken a valid access token
     * @return the user the token belongs to
     * @throws ClioApiException on an error answer
     * @throws ClioUnavailable  when Clio does not answer
     */
    public ClioUser whoAmI(ClioRegion region, String accessToken) {
        JsonNode data = body(region, () -> api(region).whoAmI("Bearer " + accessToken, config.clio().apiVersion(),
                "id,name,email,time_zone")).path("data");
        return new ClioUser(data.path("id").asLong(), data.path("name").asText(null), data.path("email").asText(null),
                data.path("time_zone").asText(null));
    }

    /**
     * One page of a list endpoint.
     *
     * @param region      the connection's region
     * @param accessToken a valid access token
     * @param url         an absolute URL on the region's host: a first page built by the caller, or Clio's
     *                    {@code meta.paging.next}
     * @return the page: {@code data} array and {@code meta.paging.next} (absent on the last page)
     * @throws IllegalArgumentException if the URL is not on the region's host (a token is never sent elsewhere)
     * @throws ClioApiException         on an error answer (429 carries Retry-After)
     * @throws ClioUnavailable          when Clio does not answer
     */
    public ClioPage page(ClioRegion region, String accessToken, String url) {
        String base = baseUrl(region).toString().replaceAll("/+$", "");
        if (!url.startsWith(base + "/")) {
            throw new IllegalArgumentException("Refusing to send a Clio token to " + url);
        }
        JsonNode body = body(region, () -> api(region).get(url, "Bearer " + accessToken, config.clio().apiVersion()));
        JsonNode next = body.path("meta").path("paging").path("next");
        return new ClioPage(body.path("data"), next.isTextual() ? next.asText() : null);
    }

    /** @return the region's base URL ({@code connector.clio.base-urls.<region>}) */
    public URI baseUrl(ClioRegion region) {
        URI base = config.clio().baseUrls().get(region.name().toLowerCase(Locale.ROOT));
        if (base == null) {
            throw new IllegalStateException("No connector.clio.base-urls." + region.name().toLowerCase(Locale.ROOT));
        }
        return base;
    }

    /**
     * Revokes a token at Clio ({@code POST /oauth/deauthorize}).
     *
     * @throws ClioApiException on an error answer (401 means it was no longer valid anyway)
     * @throws ClioUnavailable  when Clio does not answer
     */
    public void deauthorize(ClioRegion region, String accessToken) {
        body(region, () -> api(region).deauthorize("Bearer " + accessToken, accessToken));
    }

    // --- Activities (posting approved time entries; com.caseclock.connector.posting) ---------------------------------

    /**
     * {@code POST /api/v4/activities.json}.
     *
     * @param body   Clio's create body {@code {"data":{…}}}
     * @param fields the fields to answer
     * @return the created activity ({@code data})
     * @throws ClioApiException on an error answer
     * @throws ClioUnavailable  on a 5xx or no answer (the activity may or may not exist)
     */
    public JsonNode createActivity(ClioRegion region, String accessToken, JsonNode body, String fields) {
        return body(region, () -> api(region).createActivity("Bearer " + accessToken, config.clio().apiVersion(),
                fields, body.toString())).path("data");
    }

    /** {@code GET /api/v4/activities/{id}.json?fields=…}: the activity ({@code data}). */
    public JsonNode activity(ClioRegion region, String accessToken, long id, String fields) {
        return body(region, () -> api(region).activity("Bearer " + accessToken, config.clio().apiVersion(), id,
                fields)).path("data");
    }

    /**
     * {@code PATCH /api/v4/activities/{id}.json} with {@code If-Match: etag} (when not null).
     *
     * @return the updated activity ({@code data})
     * @throws ClioApiException 412 when the activity changed since {@code etag}; 422 e.g. when it is billed
     */
    public JsonNode updateActivity(ClioRegion region, String accessToken, long id, String etag, JsonNode body,
            String fields) {
        return body(region, () -> api(region).updateActivity("Bearer " + accessToken, config.clio().apiVersion(),
                etag, id, fields, body.toString())).path("data");
    }

    /** {@code DELETE /api/v4/activities/{id}.json}. */
    public void deleteActivity(ClioRegion region, String accessToken, long id) {
        body(region, () -> api(region).deleteActivity("Bearer " + accessToken, config.clio().apiVersion(), id));
    }

    private JsonNode body(ClioRegion region, java.util.function.Supplier<Response> call) {
        Response response;
        try {
            response = call.get();
        } catch (ProcessingException e) {
            throw new ClioUnavailable("Clio (" + region + ") did not answer: " + e.getClass().getSimpleName(), e);
        }
        try (response) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (response.getStatus() >= 500) {
                throw new ClioUnavailable("Clio (" + region + ") answered HTTP " + response.getStatus(), null);
            }
            if (response.getStatus() >= 400) {
                String retryAfter = response.getHeaderString("Retry-After");
                throw new ClioApiException(response.getStatus(), text,
                        retryAfter == null ? null : parseSeconds(retryAfter));
            }
            if (text.isBlank()) {
                return EventJson.mapper().nullNode();
            }
            try {
                return EventJson.mapper().readTree(text);
            } catch (java.io.IOException e) {
                throw new ClioApiException(response.getStatus(), "unreadable body", null);
            }
        }
    }

    private static Long parseSeconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ClioRestApi api(ClioRegion region) {
        return apis.computeIfAbsent(region, r -> {
            URI base = baseUrl(r);
            long timeout = config.clio().requestTimeout().toMillis();
            return QuarkusRestClientBuilder.newBuilder()
                    .baseUri(base)
                    .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                    .readTimeout(timeout, TimeUnit.MILLISECONDS)
                    // Error statuses are classified here, from the raw response, not thrown by the client.
                    .property("microprofile.rest.client.disable.default.mapper", true)
                    .build(ClioRestApi.class);
        });
    }

    /** The {@code fields} asked for on webhooks. */
    private static final String WEBHOOK_FIELDS = "id,etag,url,model,events,status,expires_at,shared_secret";

    /**
     * Registers a webhook ({@code POST /api/v4/webhooks.json}).
     *
     * @param body the {@code {"data": {...}}} request (url, model, fields, events, expires_at)
     * @return the webhook record ({@code data}), with its id, status, expiry and shared secret
     * @throws ClioApiException on a 4xx; {@link ClioUnavailable} on a 5xx or no answer
     */
    public JsonNode createWebhook(ClioRegion region, String accessToken, JsonNode body) {
        return body(region, () -> api(region).createWebhook("Bearer " + accessToken, config.clio().apiVersion(),
                WEBHOOK_FIELDS, body.toString())).path("data");
    }

    /** @return the webhook record ({@code GET /api/v4/webhooks/{id}.json}); 404 when Clio removed it */
    public JsonNode webhook(ClioRegion region, String accessToken, long id) {
        return body(region, () -> api(region).webhook("Bearer " + accessToken, config.clio().apiVersion(), id,
                WEBHOOK_FIELDS)).path("data");
    }

    /** Renews a webhook: {@code PATCH} with a new {@code expires_at}. */
    public JsonNode updateWebhook(ClioRegion region, String accessToken, long id, JsonNode body) {
        return body(region, () -> api(region).updateWebhook("Bearer " + accessToken, config.clio().apiVersion(), id,
                WEBHOOK_FIELDS, body.toString())).path("data");
    }
}
