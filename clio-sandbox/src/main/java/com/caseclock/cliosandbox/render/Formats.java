package com.caseclock.cliosandbox.render;

import com.caseclock.cliosandbox.http.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * JSON value formats. Timestamps are ISO-8601 with an explicit offset ({@code 2026-01-05T09:30:00+00:00}) and whole
 * seconds; dates are {@code YYYY-MM-DD}; money and quantities are JSON numbers with at least one decimal
 * ({@code 350.0}), as Clio's samples show. Source: SPEC {@code format: date-time}/{@code date}.
 */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private Formats() {}

    public static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A number as Clio prints money and quantities: at least one decimal place. */
    public static BigDecimal number(BigDecimal value) {
        if (value == null) return null;
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 1 ? v.setScale(1) : v;
    }

    /** Parses an ISO-8601 timestamp with offset (or a date, taken as UTC midnight). 400 when malformed. */
    public static Instant parseTime(String value, String param) {
        if (value == null) return null;
        try {
            return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw ApiException.badRequest("Invalid ISO-8601 timestamp for " + param + ": " + value);
                }
            }
        }
    }

    public static LocalDate parseDate(String value, String param) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid ISO-8601 date for " + param + ": " + value);
        }
    }
}
