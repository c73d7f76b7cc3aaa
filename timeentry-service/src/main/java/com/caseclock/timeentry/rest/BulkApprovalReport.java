package com.caseclock.timeentry.rest;

import java.util.List;

import com.caseclock.timeentry.service.BulkApproval;

/**
 * Answer of a bulk approval.
 *
 * @param approved {@code true} when every entry was approved, {@code false} when none was
 * @param results  one result per requested entry, in request order
 */
public record BulkApprovalReport(boolean approved, List<BulkApproval.Result> results) {
}
