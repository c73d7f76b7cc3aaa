package com.caseclock.timeentry.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A firm's settings (table {@code firm_settings}); a firm without a row uses {@link #defaults(String)}.
 */
@Entity
@Table(name = "firm_settings")
public class FirmSettings {

    /** Default rounding increment for the billable preview, in minutes. */
    public static final int DEFAULT_INCREMENT_MINUTES = 6;

    @Id
    @Column(name = "firm_id")
    public String firmId;
    @Column(name = "rounding_increment_minutes", nullable = false)
    public int roundingIncrementMinutes = DEFAULT_INCREMENT_MINUTES;
    @Enumerated(EnumType.STRING)
    @Column(name = "rounding_direction", nullable = false)
    public RoundingDirection roundingDirection = RoundingDirection.UP;
    @Column(name = "allow_closed_matters", nullable = false)
    public boolean allowClosedMatters;
    @Column(name = "max_running_timers", nullable = false)
    public int maxRunningTimers = 1;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
    @Version
    @Column(nullable = false)
    public long version;

    /**
     * @param firmId the firm
     * @return unsaved settings with the defaults: 6 minutes, UP, closed matters refused, one running timer
     */
    public static FirmSettings defaults(String firmId) {
        FirmSettings s = new FirmSettings();
        s.firmId = firmId;
        return s;
    }
}
