package com.caseclock.timeentry.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.caseclock.events.ApprovedTimeEntry;
import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.TimeEntryApprovalUpdatedV1;
import com.caseclock.events.TimeEntryApprovedV1;
import com.caseclock.events.TimeEntryVoidedV1;
import com.caseclock.events.kafka.OutgoingEvent;
import com.caseclock.service.outbox.OutboxRecorded;
import com.caseclock.service.outbox.OutboxStore;
import com.caseclock.timeentry.repository.TimeEntry;
import com.caseclock.timeentry.repository.TimeEntryRepository;

import io.agroal.api.AgroalDataSource;

/**
 * Records the approval events of an entry in the transactional outbox, in the same transaction as the entry change:
 * {@link TimeEntryApprovedV1} (first approval), {@link TimeEntryApprovalUpdatedV1} (change after approval) and
 * {@link TimeEntryVoidedV1}. The event's {@code revision} is the entry's version after the change, so revisions
 * increase with every event of an entry; key = entry id, so the relay keeps them in order per entry.
 */
@ApplicationScoped
public class ApprovalPublisher {

    private final OutboxStore outbox;
    private final TimeEntryRepository entries;
    private final Event<OutboxRecorded> recorded;
    private final Clock clock;
    private final EventCodec codec = EventCodec.shared();

    ApprovalPublisher(AgroalDataSource dataSource, TimeEntryRepository entries, Event<OutboxRecorded> recorded,
            Clock clock) {
        this.outbox = new OutboxStore(dataSource);
        this.entries = entries;
        this.recorded = recorded;
        this.clock = clock;
    }

    /**
     * Records the first approval of an (already changed) entry.
     *
     * @param approvedBy user id of the approver
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID approved(TimeEntry entry, String approvedBy) {
        long revision = fixRevision(entry);
        return append(TimeEntryApprovedV1.of(entry.firmId, clock.instant(), snapshot(entry, approvedBy, revision)));
    }

    /**
     * Records a change of an already approved entry.
     *
     * @param changedBy user id of whoever changed it
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID updated(TimeEntry entry, String changedBy) {
        long revision = fixRevision(entry);
        return append(TimeEntryApprovalUpdatedV1.of(entry.firmId, clock.instant(),
                snapshot(entry, changedBy, revision)));
    }

    /**
     * Records the void of an approved entry.
     *
     * @param voidedBy user id
     * @param reason   plain words, or {@code null}
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID voided(TimeEntry entry, String voidedBy, String reason) {
        long revision = fixRevision(entry);
        return append(new TimeEntryVoidedV1(UUID.randomUUID(), entry.firmId, clock.instant(),
                TimeEntryVoidedV1.SCHEMA_VERSION, entry.id, entry.userId, revision, reason, voidedBy));
    }

    /**
     * Marks the entry as published at its next version and flushes, so Hibernate increments the version exactly
     * once; a concurrent change fails here with an optimistic-lock error.
     */
    private long fixRevision(TimeEntry entry) {
        long next = entry.version + 1;
        entry.publishedRevision = next;
        entry.updatedAt = clock.instant();
        entries.flush();
        if (entry.version != next) {
            throw new IllegalStateException("Entry " + entry.id + " version " + entry.version + ", expected " + next);
        }
        return next;
    }

    private UUID append(DomainEvent event) {
        outbox.append(OutgoingEvent.of(event, codec));
        recorded.fire(new OutboxRecorded(event.eventId()));
        return event.eventId();
    }

    private static ApprovedTimeEntry snapshot(TimeEntry e, String by, long revision) {
        return new ApprovedTimeEntry(e.id, e.userId, e.workDate, e.timeZone, e.durationSeconds, e.note, e.matterId,
                e.activityDescriptionId, e.nonBillable, e.rateOverride(), e.expectedRate(), by, revision);
    }
}
