package com.caseclock.service.problem;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers a request body that is not valid JSON, has an unknown field (the API rejects them), or has a value of the
 * wrong type or format (a malformed date, a number where text is expected) with 400 naming the field.
 */
@Provider
public class JsonInputMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (!(exception instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return ProblemResponses.of(new Problem("about:blank", "Bad request", 400,
                    "The request body is not valid JSON: " + exception.getOriginalMessage(), List.of()));
        }
        String field = mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String message;
        if (exception instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (exception instanceof InvalidFormatException format) {
            message = "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName();
        } else {
            message = exception.getOriginalMessage();
        }
        return ProblemResponses.of(new Problem("about:blank", "Bad request", 400, field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }
}
