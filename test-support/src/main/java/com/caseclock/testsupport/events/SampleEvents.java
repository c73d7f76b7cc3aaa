package com.caseclock.testsupport.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.caseclock.events.ActivityDescriptionRateChangedV1;
import com.caseclock.events.ActivityRateType;
import com.caseclock.events.ApprovedTimeEntry;
import com.caseclock.events.ClientChangedV1;
import com.caseclock.events.ClientRateChangedV1;
import com.caseclock.events.ClientSnapshot;
import com.caseclock.events.ConnectionState;
import com.caseclock.events.ConnectionStatusChangedV1;
import com.caseclock.events.ContactType;
import com.caseclock.events.CustomRateType;
import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventType;
import com.caseclock.events.FailureReason;
import com.caseclock.events.LookupOutcome;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterLookupAnsweredV1;
import com.caseclock.events.MatterLookupRequestedV1;
import com.caseclock.events.MatterRateEntry;
import com.caseclock.events.MatterSnapshot;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.Money;
import com.caseclock.events.ResyncFirmRequestedV1;
import com.caseclock.events.SyncFailure;
import com.caseclock.events.SyncOutcome;
import com.caseclock.events.Topic;
import com.caseclock.events.TimeEntryApprovalUpdatedV1;
import com.caseclock.events.TimeEntryApprovedV1;
import com.caseclock.events.TimeEntrySyncResultV1;
import com.caseclock.events.TimeEntryVoidedV1;
import com.caseclock.events.UserRateChangedV1;

/**
 * A valid, realistic event of every type, for tests that need one on the wire. Instants are truncated to milliseconds
 * so that they survive the CloudEvents {@code ce_time} header unchanged.
 */
public final class SampleEvents {

    private static final Money HOURLY = new Money(new BigDecimal("350.00"), "USD");

    private SampleEvents() {
    }

    /**
     * @param topic   a topic that carries at least one event type
     * @param eventId the event id to use
     * @param firmId  the firm id to use
     * @return a sample of the first event type of that topic
     * @throws IllegalArgumentException for a topic without event types (dead-letter topics)
     */
    public static DomainEvent forTopic(Topic topic, UUID eventId, String firmId) {
        EventType type = Arrays.stream(EventType.values()).filter(t -> t.topic() == topic).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type is published on " + topic));
        return of(type, eventId, firmId);
    }

    /**
     * @param type    the event type
     * @param eventId the event id to use
     * @param firmId  the firm id to use
     * @return a valid sample event of that type
     */
    public static DomainEvent of(EventType type, UUID eventId, String firmId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant clioUpdatedAt = now.minusSeconds(5);
        UUID entryId = UUID.randomUUID();
        return switch (type) {
            case MATTER_CHANGED -> new MatterChangedV1(eventId, firmId, now, 1, new MatterSnapshot(
                    1_001L, "00123-O'Brien", "O'Brien & Müller LLP — lease dispute", MatterStatus.OPEN, 2_001L,
                    "O'Brien & Müller LLP", 3_001L, "Dana O'Brien", true, LocalDate.of(2024, 1, 15), null, null,
                    new MatterCustomRate(CustomRateType.HOURLY_RATE,
                            List.of(new MatterRateEntry(3_001L, null, HOURLY, null, null))),
                    clioUpdatedAt, "\"9a103be2201ae758992733a91f02903f\""));
            case CLIENT_CHANGED -> new ClientChangedV1(eventId, firmId, now, 1, new ClientSnapshot(2_001L,
                    ContactType.COMPANY, "O'Brien & Müller LLP", null, null, "billing@obrien-muller.example",
                    clioUpdatedAt, "\"0cc175b9c0f1b6a831c399e269772661\""));
            case USER_RATE_CHANGED -> new UserRateChangedV1(eventId, firmId, now, 1, 3_001L, "Dana O'Brien",
                    HOURLY, List.of(4_001L, 4_002L), clioUpdatedAt, "\"92eb5ffee6ae2fec3ad71c777531578f\"");
            case CLIENT_RATE_CHANGED -> new ClientRateChangedV1(eventId, firmId, now, 1, 5_001L, 2_001L, 3_001L, null,
                    new Money(new BigDecimal("300.00"), "USD"), false, clioUpdatedAt,
                    "\"4a8a08f09d37b73795649038408b5f33\"");
            case ACTIVITY_DESCRIPTION_RATE_CHANGED -> new ActivityDescriptionRateChangedV1(eventId, firmId, now, 1,
                    6_001L, "Court appearance", ActivityRateType.CUSTOM, new Money(new BigDecimal("275.50"), "USD"),
                    clioUpdatedAt, "\"8277e0910d750195b448797616e091ad\"");
            case TIME_ENTRY_APPROVED -> new TimeEntryApprovedV1(eventId, firmId, now, 1, entry(entryId, 1));
            case TIME_ENTRY_APPROVAL_UPDATED -> new TimeEntryApprovalUpdatedV1(eventId, firmId, now, 1,
                    entry(entryId, 2));
            case TIME_ENTRY_VOIDED -> new TimeEntryVoidedV1(eventId, firmId, now, 1, entryId, "user-dana", 3,
                    "Entered twice by mistake", "user-dana");
            case TIME_ENTRY_SYNC_RESULT -> new TimeEntrySyncResultV1(eventId, firmId, now, 1, entryId, "user-dana",
                    UUID.randomUUID(), 1, SyncOutcome.FAILED, null, null, null, null, null, HOURLY, false,
                    new SyncFailure(FailureReason.CLIO_UNAVAILABLE, "Clio answered 503 five times; will retry", true,
                            503, 5));
            case CONNECTION_STATUS_CHANGED -> new ConnectionStatusChangedV1(eventId, firmId, now, 1, "user-dana",
                    ConnectionState.CONNECTED, "US", 3_001L, 7_001L, null, now.minusSeconds(30));
            case RESYNC_FIRM_REQUESTED -> new ResyncFirmRequestedV1(eventId, firmId, now, 1, true, "support-sam");
            case MATTER_LOOKUP_REQUESTED -> new MatterLookupRequestedV1(eventId, firmId, now, 1, UUID.randomUUID(),
                    "00123", "user-dana");
            case MATTER_LOOKUP_ANSWERED -> new MatterLookupAnsweredV1(eventId, firmId, now, 1, UUID.randomUUID(),
                    "00123", LookupOutcome.FOUND, List.of(1_001L), null);
        };
    }

    private static ApprovedTimeEntry entry(UUID entryId, long revision) {
        return new ApprovedTimeEntry(entryId, "user-dana", LocalDate.of(2024, 3, 9), "America/Los_Angeles", 5_400L,
                "Drafted reply to opposing counsel's motion", 1_001L, null, false, null, HOURLY, "user-dana",
                revision);
    }
}
