package com.caseclock.cliosandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A handler's answer: status, JSON body (null for none) and extra headers. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, new LinkedHashMap<>());
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, new LinkedHashMap<>());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, new LinkedHashMap<>());
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
