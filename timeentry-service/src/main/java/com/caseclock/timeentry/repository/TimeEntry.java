package com.caseclock.timeentry.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.caseclock.events.Money;

/**
 * A time entry (table {@code time_entry}). Durations are whole seconds (0..86,400), the work date is a calendar date
 * in the owner's zone {@link #timeZone}, money is a decimal amount plus an ISO-4217 currency. {@link #version} is the
 * optimistic-locking version (the ETag), incremented by Hibernate at each change; it is also the {@code revision} of
 * the events published about the entry.
 */
@Entity
@Table(name = "time_entry")
public class TimeEntry {

    @Id
    public UUID id;
    @Column(name = "firm_id", nullable = false)
    public String firmId;
    @Column(name = "user_id", nullable = false)
    public String userId;
    @Column(name = "work_date", nullable = false)
    public LocalDate workDate;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    @Column(name = "duration_seconds", nullable = false)
    public long durationSeconds;
    @Column(nullable = false)
    public String note;
    @Column(name = "matter_id")
    public Long matterId;
    @Column(name = "pending_matter_reference")
    public String pendingMatterReference;
    @Column(name = "activity_description_id")
    public Long activityDescriptionId;
    @Column(name = "non_billable", nullable = false)
    public boolean nonBillable;
    @Column(name = "rate_override_amount")
    public BigDecimal rateOverrideAmount;
    @Column(name = "rate_override_currency")
    public String rateOverrideCurrency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntryStatus status;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    /** Revision of the last approval/update/void event recorded in the outbox, or null if none. */
    @Column(name = "published_revision")
    public Long publishedRevision;
    /** Revision of the last sync result applied, or null if none. */
    @Column(name = "result_revision")
    public Long resultRevision;
    @Column(name = "clio_activity_id")
    public Long clioActivityId;
    @Column(name = "clio_quantity_seconds")
    public Long clioQuantitySeconds;
    @Column(name = "clio_price_amount")
    public BigDecimal clioPriceAmount;
    @Column(name = "clio_price_currency")
    public String clioPriceCurrency;
    @Column(name = "clio_total_amount")
    public BigDecimal clioTotalAmount;
    @Column(name = "clio_total_currency")
    public String clioTotalCurrency;
    @Column(name = "clio_billed")
    public Boolean clioBilled;
    @Column(name = "expected_rate_amount")
    public BigDecimal expectedRateAmount;
    @Column(name = "expected_rate_currency")
    public String expectedRateCurrency;
    @Column(name = "rate_mismatch", nullable = false)
    public boolean rateMismatch;
    @Column(name = "sync_failure_reason")
    public String syncFailureReason;
    @Column(name = "sync_failure_message")
    public String syncFailureMessage;
    @Column(name = "sync_failure_retryable")
    public Boolean syncFailureRetryable;
    @Column(name = "last_synced_at")
    public Instant lastSyncedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    @Column(nullable = false)
    public long version;

    /** @return the rate override (hourly) or {@code null} */
    public Money rateOverride() {
        return money(rateOverrideAmount, rateOverrideCurrency);
    }

    /** @param money hourly rate override, or {@code null} to clear it */
    public void rateOverride(Money money) {
        rateOverrideAmount = money == null ? null : money.amount();
        rateOverrideCurrency = money == null ? null : money.currency();
    }

    /** @return the hourly rate Clio applied, or {@code null} */
    public Money clioPrice() {
        return money(clioPriceAmount, clioPriceCurrency);
    }

    /** @return the total Clio computed, or {@code null} */
    public Money clioTotal() {
        return money(clioTotalAmount, clioTotalCurrency);
    }

    /** @return the hourly rate CaseClock expected, or {@code null} */
    public Money expectedRate() {
        return money(expectedRateAmount, expectedRateCurrency);
    }

    /** @return {@code true} when the entry has no Clio matter yet */
    public boolean unassigned() {
        return matterId == null;
    }

    static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount, currency);
    }
}
