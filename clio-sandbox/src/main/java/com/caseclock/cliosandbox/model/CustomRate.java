package com.caseclock.cliosandbox.model;

import java.math.BigDecimal;

/**
 * One entry of a matter's custom rate (SPEC {@code components.schemas.PolymorphicCustomRate}): an hourly rate for a
 * user or a group, the single flat rate (user + activity description), or a contingency percentage.
 */
public final class CustomRate extends Entity {
    /** Hourly amount, flat amount, or contingency percentage, depending on the owning {@link MatterCustomRate}. */
    public BigDecimal rate;
    public Long userId;
    public Long groupId;
    public Long activityDescriptionId;
    public String note;
}
