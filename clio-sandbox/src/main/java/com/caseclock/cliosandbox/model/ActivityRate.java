package com.caseclock.cliosandbox.model;

import java.math.BigDecimal;

/**
 * A client (contact) rate (SPEC {@code components.schemas.ActivityRate}), optionally for one user or group; with
 * neither it applies to every user of the firm.
 */
public final class ActivityRate extends Entity {
    public Long contactId;
    public Long coCounselContactId;
    public BigDecimal rate;
    public boolean flatRate;
    public Long userId;
    public Long groupId;
}
