package com.caseclock.cliosandbox.model;

import java.time.LocalDate;

/** A Clio matter (SPEC {@code components.schemas.Matter_base}, {@code Matter}). */
public final class Matter extends Entity {
    public int number;
    public String displayNumber;
    public String customNumber;
    public String description;
    public MatterStatus status = MatterStatus.OPEN;
    public String location;
    public String clientReference;
    public Long clientId;
    public boolean billable = true;
    /** {@code hourly}, {@code flat} or {@code contingency}. */
    public String billingMethod = "hourly";
    public LocalDate openDate;
    public LocalDate closeDate;
    public LocalDate pendingDate;
    public Long responsibleAttorneyId;
    public Long originatingAttorneyId;
    public Long responsibleStaffId;
    public Long groupId;
    public MatterCustomRate customRate = new MatterCustomRate();
}
