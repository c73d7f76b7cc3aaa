package com.caseclock.mattercache.config;

import jakarta.inject.Singleton;

import com.caseclock.service.problem.StrictJsonInput;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly (see {@link StrictJsonInput}): no truncated fractions, no numbers as strings, no
 * NUL characters, no duplicate fields; each answers 400 naming the field.
 */
@Singleton
public class StrictJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJsonInput.configure(mapper);
    }
}
