package com.caseclock.timeentry.service;

import java.util.List;

/**
 * Thrown when a bulk approval is refused as a whole; carries the per-entry report (nothing was approved).
 */
public class BulkApprovalRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<BulkApproval.Result> results;

    /** @param results one result per requested entry, in request order */
    public BulkApprovalRejected(List<BulkApproval.Result> results) {
        super("Some entries cannot be approved; none was approved.");
        this.results = List.copyOf(results);
    }

    /** @return one result per requested entry, in request order */
    public List<BulkApproval.Result> results() {
        return results;
    }
}
