package com.caseclock.service.problem;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every service's REST request bodies are read strictly (see {@link StrictJsonInput}): no truncated fractions, no
 * numbers or booleans as strings, no number where text is expected, no NUL characters, no duplicate fields, nothing
 * after the JSON value; each answers 400 naming the field. A CDI bean of this library, so each service that depends
 * on service-support gets it without a copy. Only the Quarkus-managed mapper (the REST layer's) is changed: event
 * payloads are parsed with {@code EventJson.mapper()}, and clio-connector reads Clio's answers as raw text with that
 * mapper too.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJsonInput.configure(mapper);
    }
}
