package com.caseclock.mattercache.rest;

import java.util.UUID;

import com.caseclock.service.problem.ProblemException;

/** Parses ids from paths and query parameters, answering 400 (never 404 or 500) for malformed ones. */
final class Ids {

    private Ids() {
    }

    static long clioId(String field, String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest(field, "must be a positive Clio id");
    }

    static Long optionalClioId(String field, String text) {
        return text == null || text.isBlank() ? null : clioId(field, text);
    }

    static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    static Integer optionalInt(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, "must be a whole number");
        }
    }
}
