package com.caseclock.cliosandbox.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An activity (SPEC {@code components.schemas.Activity_base}). For a {@code TimeEntry}, {@code quantity} is in seconds
 * (API 4.0.4+); {@code price} is the hourly rate or, with {@code flatRate}, the flat amount.
 */
public final class Activity extends Entity {
    public String type = "TimeEntry";
    public LocalDate date;
    /** Seconds for a TimeEntry, units for expenses. As sent; rounding is applied only to {@code rounded_quantity}. */
    public BigDecimal quantity = BigDecimal.ZERO;
    public BigDecimal price = BigDecimal.ZERO;
    /** Which rate layer produced {@link #price}: {@code Custom}, {@code Activity}, {@code Matter}, {@code Client}, {@code Default}. */
    public String rateSource = "Custom";
    public boolean flatRate;
    public boolean contingencyFee;
    public String note;
    public boolean nonBillable;
    public boolean noCharge;
    public Long userId;
    public Long matterId;
    public Long activityDescriptionId;
    /** On a bill in {@code awaiting_payment} or {@code paid}: changes are refused. */
    public boolean billed;
    /** On any bill (draft included). */
    public boolean onBill;
    public Long billId;
    public String reference;
}
