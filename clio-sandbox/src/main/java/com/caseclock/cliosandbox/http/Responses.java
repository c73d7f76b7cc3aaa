package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.store.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON answers: {@code application/json; charset=utf-8} as Clio does (SPEC response content types). */
public final class Responses {
    public static final String JSON = "application/json; charset=utf-8";

    private Responses() {}

    public static void json(HttpServerResponse resp, int status, Object body) {
        if (resp.ended() || resp.closed()) return;
        resp.setStatusCode(status);
        if (body == null) {
            resp.end();
            return;
        }
        try {
            resp.putHeader("Content-Type", JSON).end(Buffer.buffer(Json.MAPPER.writeValueAsBytes(body)));
        } catch (JsonProcessingException e) {
            resp.setStatusCode(500).end();
        }
    }

    /** The body for an error: Clio's {@code {"error":{"type","message"}}} or the OAuth shape. */
    public static Map<String, Object> errorBody(ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (e.oauthStyle()) {
            body.put("error", e.type());
            body.put("error_description", e.getMessage());
        } else {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("type", e.type());
            detail.put("message", e.getMessage());
            body.put("error", detail);
        }
        return body;
    }

    public static void error(HttpServerResponse resp, ApiException e) {
        if (e.status() == 401 && e.oauthStyle()) {
            resp.putHeader("WWW-Authenticate", "Bearer realm=\"Clio\", error=\"" + e.type() + "\", error_description=\""
                    + e.getMessage() + "\"");
        }
        json(resp, e.status(), errorBody(e));
    }
}
