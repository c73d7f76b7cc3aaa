package com.caseclock.timeentry.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.hibernate.StaleStateException;

import com.caseclock.service.problem.ProblemResponses;
import com.caseclock.timeentry.service.Preconditions;

/** Hibernate's own form of a lost optimistic-locking race (when not converted to the JPA exception): 412. */
@Provider
public class StaleStateMapper implements ExceptionMapper<StaleStateException> {

    @Override
    public Response toResponse(StaleStateException exception) {
        return ProblemResponses.of(Preconditions.lostRace().toProblem());
    }
}
