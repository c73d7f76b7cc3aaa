package com.caseclock.timeentry.service;

import java.math.BigDecimal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.caseclock.events.Money;

/**
 * An hourly rate as sent by a client: {@code {"amount":"300.00","currency":"USD"}} — the amount a positive decimal
 * string (at most 13 digits before and 6 after the point), the currency an ISO-4217 code. Validated field by field
 * (a malformed value is a 400 naming {@code rateOverride.amount} or {@code rateOverride.currency}).
 *
 * @param amount   decimal text, e.g. {@code "300.00"}
 * @param currency three upper-case letters, e.g. {@code "USD"}
 */
public record RateInput(
        @NotNull @Pattern(regexp = "^[0-9]{1,13}(\\.[0-9]{1,6})?$", message = "must be a decimal such as \"300.00\"")
        String amount,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO-4217 code such as \"USD\"")
        String currency) {

    /** @return the rate as money (scale kept) */
    public Money toMoney() {
        return new Money(new BigDecimal(amount), currency);
    }

    /** @return the rate, or {@code null} for {@code null} */
    static Money moneyOf(RateInput input) {
        return input == null ? null : input.toMoney();
    }
}
