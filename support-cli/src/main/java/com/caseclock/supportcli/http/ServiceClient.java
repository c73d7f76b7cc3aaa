package com.caseclock.supportcli.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Calls one CaseClock service's REST API with the JDK's {@link HttpClient}: bearer token, JSON in and out. A 2xx answer
 * is returned as JSON; a 4xx/5xx JSON (or empty) answer throws {@link ServiceError} with the problem+json detail; a
 * redirect throws {@link ServiceError} naming its {@code Location} (redirects are not followed); a connection failure,
 * timeout or any answer whose body is not JSON (e.g. a proxy's HTML error page) throws {@link ServiceUnreachable}
 * with the status, the content type and at most {@value #MAX_EXCERPT} characters of a non-markup body. The token never
 * appears in an error message.
 */
public final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** At most this many characters of a non-JSON answer are quoted in an error message. */
    private static final int MAX_EXCERPT = 200;

    private final String service;
    private final URI baseUrl;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param service display name of the service, e.g. {@code timeentry-service}
     * @param baseUrl the service's base URL, e.g. {@code http://localhost:8080}
     * @param token   the bearer token (without {@code Bearer })
     * @param timeout connect and request timeout
     */
    public ServiceClient(String service, URI baseUrl, String token, Duration timeout) {
        this.service = Objects.requireNonNull(service, "service");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.token = Objects.requireNonNull(token, "token");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @return the service's display name */
    public String service() {
        return service;
    }

    /**
     * @param path  absolute path, e.g. {@code /api/v1/support/failures}
     * @param query query parameters; {@code null} values are left out
     * @return the URL (without credentials)
     */
    public URI url(String path, Map<String, ?> query) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        StringJoiner q = new StringJoiner("&");
        query.forEach((name, value) -> {
            if (value != null) {
                q.add(encode(name) + "=" + encode(value.toString()));
            }
        });
        return URI.create(base + path + (q.length() == 0 ? "" : "?" + q));
    }

    /**
     * GET and read JSON.
     *
     * @return the answer's JSON ({@link MissingNode} for an empty body)
     * @throws ServiceError       on a 4xx/5xx JSON (or empty) answer, or a redirect
     * @throws ServiceUnreachable when the service cannot be reached or answers non-JSON
     */
    public JsonNode get(String path, Map<String, ?> query) {
        return send(HttpRequest.newBuilder(url(path, query)).GET());
    }

    /**
     * POST a JSON body and read JSON.
     *
     * @param body the body, serialised with Jackson ({@code null} sends {@code {}})
     * @return the answer's JSON ({@link MissingNode} for an empty body, e.g. 202 or 204)
     * @throws ServiceError       on a 4xx/5xx JSON (or empty) answer, or a redirect
     * @throws ServiceUnreachable when the service cannot be reached or answers non-JSON
     */
    public JsonNode post(String path, Object body) {
        String json;
        try {
            json = body == null ? "{}" : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Request body is not serialisable", e);
        }
        return send(HttpRequest.newBuilder(url(path, Map.of())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(timeout).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json").build();
        String where = request.method() + " " + request.uri();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ServiceUnreachable("Could not reach " + service + " (" + where + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachable("Interrupted while calling " + service + " (" + where + ")", e);
        }
        String body = response.body() == null ? "" : response.body();
        int status = response.statusCode();
        if (status / 100 == 3) {
            String location = response.headers().firstValue("Location").map(ServiceClient::oneLine)
                    .map(l -> "redirect to " + l).orElse("a redirect without a Location");
            throw new ServiceError(service, status, "Redirect", null, List.of(),
                    service + " answered " + status + " (" + location + "); check the URL");
        }
        JsonNode json;
        try {
            json = body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ServiceUnreachable(service + " answered " + status + " with "
                    + response.headers().firstValue("Content-Type").map(ServiceClient::oneLine).orElse("no content type")
                    + ", not JSON (" + where + "); is the URL right?" + excerpt(body), e);
        }
        if (status / 100 != 2) {
            throw error(status, json);
        }
        return json;
    }

    /** @return a problem+json (or other JSON, or empty) error answer as a {@link ServiceError} */
    private ServiceError error(int status, JsonNode problem) {
        if (problem.isObject()) {
            List<String> fields = new ArrayList<>();
            problem.path("errors")
                    .forEach(e -> fields.add(e.path("field").asText() + ": " + e.path("message").asText()));
            return new ServiceError(service, status, problem.path("title").asText(reason(status)),
                    problem.hasNonNull("detail") ? problem.get("detail").asText() : null, fields);
        }
        String text = problem.isMissingNode() ? "" : oneLine(problem.toString());
        return new ServiceError(service, status, reason(status),
                text.isEmpty() ? null : text.substring(0, Math.min(text.length(), MAX_EXCERPT)), List.of());
    }

    /**
     * @return {@code ": "} and the start of a non-JSON body on one line (at most {@value #MAX_EXCERPT} characters),
     *         or nothing for an empty body or markup (an HTML error page is never dumped)
     */
    private static String excerpt(String body) {
        String text = oneLine(body);
        if (text.isEmpty() || text.startsWith("<")) {
            return "";
        }
        return ": " + (text.length() > MAX_EXCERPT ? text.substring(0, MAX_EXCERPT - 1) + "…" : text);
    }

    /** @return the text with control characters and runs of whitespace replaced by one space, stripped */
    private static String oneLine(String text) {
        return text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Not authenticated (is the token missing or expired?)";
            case 403 -> "Forbidden (does the token carry the support or firm-admin role?)";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable";
            case 503 -> "Service unavailable";
            default -> "HTTP " + status;
        };
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " " + e.getMessage();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
