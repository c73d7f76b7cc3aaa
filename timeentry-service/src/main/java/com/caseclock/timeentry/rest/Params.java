package com.caseclock.timeentry.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.caseclock.service.problem.ProblemException;
import com.caseclock.timeentry.repository.EntryStatus;
import com.caseclock.timeentry.service.WorkDates;

/** Parses query parameters so a malformed one answers 400 naming it (JAX-RS would answer 404). */
final class Params {

    private Params() {
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return WorkDates.check(name, LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    static Long positiveLong(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v <= 0) {
                throw ProblemException.badRequest(name, "must be positive");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a number");
        }
    }

    static int intInRange(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw ProblemException.badRequest(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "'" + value + "' is not a number");
        }
    }

    static EntryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return EntryStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "'" + value + "' is not one of DRAFT, APPROVED, SYNCING,"
                    + " SYNCED, SYNC_FAILED, VOIDED");
        }
    }

    static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }
}
