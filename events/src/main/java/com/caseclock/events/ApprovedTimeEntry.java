package com.caseclock.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A time entry as approved by the lawyer, ready to be pushed to Clio as an activity.
 *
 * @param timeEntryId               CaseClock time entry id, not {@code null}
 * @param userId                    CaseClock user id of the lawyer, not {@code null}
 * @param workDate                  calendar date the work was done, in the user's zone {@code timeZone}
 * @param timeZone                  IANA zone id of the user when approving, e.g. {@code "America/New_York"}
 * @param durationSeconds           worked duration in whole seconds, 1..86400
 * @param note                      description of the work, not {@code null}, at most 10,000 characters
 * @param matterClioId              Clio matter id (positive)
 * @param activityDescriptionClioId Clio activity description id, or {@code null}
 * @param nonBillable               {@code true} to record the time as non-billable in Clio
 * @param rateOverride              explicit hourly rate typed by the lawyer, or {@code null} to let Clio apply
 *                                  its rate
 * @param expectedRate              hourly rate the matter cache predicted Clio will apply, or {@code null} if
 *                                  unknown; compared with Clio's price to flag mismatches
 * @param approvedBy                CaseClock user id of whoever approved the entry, not {@code null}
 * @param revision                  entry version (at least 1), increases with each change
 */
public record ApprovedTimeEntry(
        UUID timeEntryId,
        String userId,
        LocalDate workDate,
        String timeZone,
        long durationSeconds,
        String note,
        long matterClioId,
        Long activityDescriptionClioId,
        boolean nonBillable,
        Money rateOverride,
        Money expectedRate,
        String approvedBy,
        long revision) {

    /** Maximum of {@link #durationSeconds()}: one day. */
    public static final long MAX_DURATION_SECONDS = 86_400L;
    /** Maximum length of {@link #note()} in characters. */
    public static final int MAX_NOTE_LENGTH = 10_000;
}
