package com.caseclock.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Blocking JSON calls for set-up, polling and read-back (not for the measured fixed-rate load, see
 * {@link FixedRateLoad}). Follows redirects (the OAuth consent redirect lands on the connector's callback).
 */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    /**
     * An answer.
     *
     * @param status HTTP status
     * @param body   parsed JSON body, or a missing node when empty or not JSON
     */
    record Reply(int status, JsonNode body) {
        /** @return this reply when 2xx; otherwise throws with the body */
        Reply ok(String what) {
            if (status / 100 != 2) throw new IllegalStateException(what + " answered " + status + ": " + body);
            return this;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param method HTTP method
     * @param url    absolute URL
     * @param token  bearer token or {@code null}
     * @param body   object serialised as JSON, or {@code null}
     * @param ifMatch value of {@code If-Match} or {@code null}
     * @return the answer (any status)
     * @throws UncheckedIOException when the request could not be sent or answered within 60 s
     */
    Reply call(String method, String url, String token, Object body, String ifMatch) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (body != null) b.header("Content-Type", "application/json");
            if (token != null) b.header("Authorization", "Bearer " + token);
            if (ifMatch != null) b.header("If-Match", ifMatch);
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json;
            try {
                json = r.body().length == 0 ? MissingNode.getInstance() : JSON.readTree(r.body());
            } catch (IOException notJson) {
                json = MissingNode.getInstance();
            }
            return new Reply(r.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Reply get(String url, String token) {
        return call("GET", url, token, null, null);
    }

    Reply post(String url, String token, Object body) {
        return call("POST", url, token, body, null);
    }
}
