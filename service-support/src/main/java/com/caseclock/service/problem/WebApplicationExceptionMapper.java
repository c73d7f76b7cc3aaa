package com.caseclock.service.problem;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Gives the framework's own HTTP errors (unknown path 404, wrong method 405, unsupported media type 415, malformed
 * parameter 400/404) a problem+json body with the same status. A body that is not readable JSON, which Quarkus REST
 * reports as a 400 wrapping the parser's exception, is answered like {@link JsonInputMapper} does (naming the field
 * where it can).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final JsonInputMapper JSON = new JsonInputMapper();

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            // Quarkus REST wraps a body that is not JSON at all (or a number out of range) in a 400.
            return JSON.toResponse(json);
        }
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        String title = original == null ? "Error" : original.getStatusInfo().getReasonPhrase();
        String detail = status >= 500 ? "The server could not handle the request." : exception.getMessage();
        Response.ResponseBuilder builder = Response.fromResponse(ProblemResponses.of(
                new Problem("about:blank", title, status, detail, List.of())));
        if (original != null) {
            original.getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name)) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
        }
        return builder.type(Problem.MEDIA_TYPE).build();
    }
}
