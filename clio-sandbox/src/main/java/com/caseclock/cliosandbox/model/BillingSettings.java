package com.caseclock.cliosandbox.model;

/**
 * The firm's billing settings relevant to the sandbox (SPEC {@code components.schemas.BillingSetting}):
 * {@code rounding} is the time increment in minutes (0 = none).
 */
public final class BillingSettings extends Entity {
    /** Rounding increment in minutes; 0 disables rounding. */
    public int rounding;
    public boolean useDecimalRounding;
    public String currency = "USD";
    public String currencySign = "$";
    public boolean timeOnFlatRateContingencyMattersIsNonBillable;
}
