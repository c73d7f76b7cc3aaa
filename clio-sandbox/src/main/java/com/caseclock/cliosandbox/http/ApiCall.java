package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.oauth.AuthContext;
import com.caseclock.cliosandbox.render.FieldSelection;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import java.util.List;

/**
 * One authenticated Clio API request as seen by a resource handler.
 *
 * @param path       the request path as called (e.g. {@code /api/v4/matters.json})
 * @param pathIds    numeric ids captured from the path
 * @param baseUrl    public base URL for {@code meta.paging.next}
 */
public record ApiCall(Firm firm, AuthContext auth, String method, String path, List<Long> pathIds, MultiMap params,
        MultiMap headers, JsonNode body, String baseUrl) {

    public String header(String name) {
        return headers.get(name);
    }

    public String ifNoneMatch() {
        return headers.get("If-None-Match");
    }

    public String ifMatch() {
        return headers.get("If-Match");
    }

    public long id() {
        return pathIds.get(0);
    }

    public String param(String name) {
        return params.get(name);
    }

    public FieldSelection fields() {
        return FieldSelection.parse(params.get("fields"));
    }
}
