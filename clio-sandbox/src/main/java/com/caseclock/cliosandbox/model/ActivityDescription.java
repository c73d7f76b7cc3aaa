package com.caseclock.cliosandbox.model;

import java.math.BigDecimal;

/**
 * An activity description (activity category) with its rate (SPEC
 * {@code components.schemas.ActivityDescriptionRate_base}): type {@code User} (use the user's rate), {@code FlatRate}
 * or {@code Custom}.
 */
public final class ActivityDescription extends Entity {
    public String name;
    public String rateType = "User";
    public BigDecimal amount = BigDecimal.ZERO;
    public BigDecimal nonBillableAmount = BigDecimal.ZERO;
    public boolean isDefault;
    public boolean visibleToCoCounsel = true;
}
