package com.caseclock.timeentry.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.timeentry.repository.FirmSettings;
import com.caseclock.timeentry.repository.MatterRow;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.service.BillablePreview;
import com.caseclock.timeentry.service.FirmSettingsService;

/** Maps entries to {@link TimeEntryView}, adding the firm's billable preview. */
@ApplicationScoped
class EntryViews {

    private final FirmSettingsService settings;

    EntryViews(FirmSettingsService settings) {
        this.settings = settings;
    }

    /** @return the firm's settings, to map several entries of one firm */
    FirmSettings settingsOf(String firmId) {
        return settings.current(firmId);
    }

    TimeEntryView view(TimeEntry e) {
        return view(e, settingsOf(e.firmId), null);
    }

    TimeEntryView view(TimeEntry e, FirmSettings firm, List<MatterRow> candidates) {
        TimeEntryView.SyncFailureView failure = e.syncFailureReason == null ? null
                : new TimeEntryView.SyncFailureView(e.syncFailureReason, e.syncFailureMessage, e.syncFailureRetryable);
        return new TimeEntryView(e.id, e.userId, e.workDate, e.timeZone, e.durationSeconds,
                BillablePreview.seconds(e.durationSeconds, firm), e.note, e.matterId, e.pendingMatterReference,
                e.activityDescriptionId, e.nonBillable, e.rateOverride(), e.status, e.clioActivityId,
                e.clioQuantitySeconds, e.clioPrice(), e.clioTotal(), e.clioBilled, e.expectedRate(), e.rateMismatch,
                failure, e.approvedBy, e.approvedAt, e.lastSyncedAt, e.createdAt, e.updatedAt, e.version,
                candidates == null ? null : candidates.stream().map(EntryViews::matter).toList());
    }

    static TimeEntryView.MatterView matter(MatterRow m) {
        return new TimeEntryView.MatterView(m.clioId(), m.displayNumber(), m.description(), m.clientName(),
                m.status());
    }
}
