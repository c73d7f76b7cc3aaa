package com.caseclock.timeentry.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.caseclock.service.problem.Problem;
import com.caseclock.timeentry.service.BulkApprovalRejected;

/**
 * A refused bulk approval: 422 problem+json with the usual members plus {@code approved: false} and
 * {@code results}, one per requested entry ({@code APPROVED} never appears: nothing was approved).
 */
@Provider
public class BulkApprovalRejectedMapper implements ExceptionMapper<BulkApprovalRejected> {

    @Override
    public Response toResponse(BulkApprovalRejected exception) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", "Not approvable");
        body.put("status", 422);
        body.put("detail", exception.getMessage());
        body.put("approved", false);
        body.put("results", exception.results());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
