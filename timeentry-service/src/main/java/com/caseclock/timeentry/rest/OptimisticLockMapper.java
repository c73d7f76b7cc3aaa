package com.caseclock.timeentry.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.caseclock.service.problem.ProblemResponses;
import com.caseclock.timeentry.service.Preconditions;

/** A write that lost a race with a concurrent write of the same row answers 412, like a stale If-Match. */
@Provider
public class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {

    @Override
    public Response toResponse(OptimisticLockException exception) {
        return ProblemResponses.of(Preconditions.lostRace().toProblem());
    }
}
