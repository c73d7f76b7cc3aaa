package com.caseclock.events;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in one currency.
 *
 * <p>JSON shape: {@code {"amount":"250.00","currency":"USD"}}. The amount is a JSON <em>string</em> holding a plain
 * decimal (pattern {@code ^-?[0-9]{1,13}(\.[0-9]{1,6})?$}, no exponent) so no precision is lost in any language; the
 * scale is kept exactly ({@code "250.00"} stays {@code "250.00"}). Because {@link BigDecimal#equals} is
 * scale-sensitive, {@code Money.of("250.00","USD")} is not {@code equals} to {@code Money.of("250","USD")}; use
 * {@link #isSameValueAs(Money)} to compare values.
 *
 * <p>Whether the amount is an hourly rate, a flat amount or a total is stated on each field that uses it.
 *
 * @param amount   the amount, any sign, not {@code null}
 * @param currency ISO-4217 code, three upper-case letters, e.g. {@code "USD"}
 */
public record Money(@JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    /**
     * Validates the components.
     *
     * @param amount   the amount, not {@code null}; its scale is kept
     * @param currency ISO-4217 code, three upper-case letters
     * @throws NullPointerException     if {@code amount} or {@code currency} is {@code null}
     * @throws IllegalArgumentException if {@code currency} is not three upper-case letters A-Z
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO-4217 code of three upper-case letters, got '" + currency + "'");
        }
    }

    /**
     * Creates money from a decimal string, keeping its scale.
     *
     * @param amount   plain decimal text, e.g. {@code "250.00"}
     * @param currency ISO-4217 code, e.g. {@code "USD"}
     * @return the money
     * @throws NumberFormatException    if {@code amount} is not a decimal number
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code currency} is not three upper-case letters
     */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(Objects.requireNonNull(amount, "amount")), currency);
    }

    /**
     * Compares value and currency ignoring scale ({@code 250.00 USD} is the same value as {@code 250 USD}).
     *
     * @param other money to compare with, may be {@code null}
     * @return {@code true} if both currencies are equal and the amounts are numerically equal
     */
    public boolean isSameValueAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    /**
     * Human-readable form, e.g. {@code "250.00 USD"}.
     *
     * @return amount (plain, no exponent), a space, and the currency
     */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
