package com.caseclock.timeentry.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.service.problem.Problem;
import com.caseclock.timeentry.repository.FirmSettings;
import com.caseclock.timeentry.repository.MatterProjectionRepository;
import com.caseclock.timeentry.repository.MatterRow;
import com.caseclock.timeentry.repository.TimeEntry;

/**
 * What an entry needs before it may go to Clio: a matter known here and not closed (unless the firm allows closed
 * matters), a positive duration, and a work date not after today in the approver's zone.
 */
@ApplicationScoped
public class ApprovalRules {

    private final MatterProjectionRepository matters;

    ApprovalRules(MatterProjectionRepository matters) {
        this.matters = matters;
    }

    /**
     * @param entry    the entry as it would be approved
     * @param settings the firm's settings
     * @param today    today in the approver's zone
     * @return one field error per broken rule; empty if the entry may be approved
     */
    public List<Problem.FieldError> check(TimeEntry entry, FirmSettings settings, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (entry.matterId == null) {
            errors.add(new Problem.FieldError("matterId", entry.pendingMatterReference == null
                    ? "a matter is required before approval"
                    : "the matter '" + entry.pendingMatterReference + "' is not known yet; choose a matter"));
        } else {
            Optional<MatterRow> matter = matters.find(entry.firmId, entry.matterId);
            if (matter.isEmpty()) {
                errors.add(new Problem.FieldError("matterId", "matter " + entry.matterId + " is not known"));
            } else if (matter.get().closed() && !settings.allowClosedMatters) {
                errors.add(new Problem.FieldError("matterId",
                        "matter " + matter.get().displayNumber() + " is closed; Clio refuses time on closed matters"));
            }
        }
        if (entry.durationSeconds <= 0) {
            errors.add(new Problem.FieldError("durationSeconds", "must be positive to approve"));
        }
        if (entry.workDate.isAfter(today)) {
            errors.add(new Problem.FieldError("workDate", "is in the future (today is " + today + ")"));
        }
        return errors;
    }
}
