package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.model.Entity;
import com.caseclock.cliosandbox.render.Projector;
import com.caseclock.cliosandbox.render.Rendered;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Single-record responses with ETag support (https://docs.developers.clio.com/api-docs/etags ): {@code ETag} and
 * {@code Last-Modified} headers, 304 for a matching {@code If-None-Match}, 412 for a stale {@code If-Match} on PATCH.
 */
public final class Shows {
    private Shows() {}

    public static Map<String, Object> data(Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", value);
        return m;
    }

    /** GET of one record. */
    public static ApiResponse show(ApiCall call, Entity e, Rendered full) {
        if (call.ifNoneMatch() != null && call.ifNoneMatch().equals(e.etag())) {
            return new ApiResponse(304, null, new LinkedHashMap<>()).header("ETag", e.etag());
        }
        return withHeaders(ApiResponse.ok(data(Projector.project(full, call.fields()))), e);
    }

    /** 200/201 answer to a write. */
    public static ApiResponse written(ApiCall call, Entity e, Rendered full, boolean created) {
        Map<String, Object> body = data(Projector.project(full, call.fields()));
        return withHeaders(created ? ApiResponse.created(body) : ApiResponse.ok(body), e);
    }

    /** Checks {@code If-Match} before a PATCH. */
    public static void checkIfMatch(ApiCall call, Entity e) {
        if (call.ifMatch() != null && !call.ifMatch().equals(e.etag())) {
            throw new ApiException(412, "PreconditionFailed", "The record has changed since the given ETag");
        }
    }

    private static ApiResponse withHeaders(ApiResponse r, Entity e) {
        return r.header("ETag", e.etag()).header("Last-Modified",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(e.updatedAt.atOffset(ZoneOffset.UTC)));
    }
}
