package com.caseclock.cliosandbox.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A matter's custom rate (SPEC {@code components.schemas.MatterCustomRate}; tag "Matters", section "Custom Rates"):
 * type {@code HourlyRate}, {@code FlatRate} or {@code ContingencyFee} plus its rates. Changing the type deletes the
 * stored rates.
 */
public final class MatterCustomRate {
    public String type = "HourlyRate";
    public boolean onInvoice;
    public List<CustomRate> rates = new ArrayList<>();
}
