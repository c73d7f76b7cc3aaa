package com.caseclock.service.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Quarkus REST ships a mapper for {@link MismatchedInputException} (unknown field, malformed date, wrong type) that
 * is more specific than the shared {@link JsonInputMapper} and answers plain JSON; this one restores the shared
 * problem+json answer naming the field.
 */
@Provider
public class MismatchedInputMapper implements ExceptionMapper<MismatchedInputException> {

    private final JsonInputMapper delegate = new JsonInputMapper();

    @Override
    public Response toResponse(MismatchedInputException exception) {
        return delegate.toResponse(exception);
    }
}
