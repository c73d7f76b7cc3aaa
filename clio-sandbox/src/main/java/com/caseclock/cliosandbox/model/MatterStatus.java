package com.caseclock.cliosandbox.model;

import java.util.Locale;

/**
 * Matter status. Clio writes it capitalised in responses ({@code Open}) but takes lower case in filters and writes
 * ({@code open}); SPEC {@code components.schemas.Matter_base.status} vs {@code paths["/matters.json"].get} parameter
 * {@code status}.
 */
public enum MatterStatus {
    PENDING("Pending"), OPEN("Open"), CLOSED("Closed");

    private final String response;

    MatterStatus(String response) {
        this.response = response;
    }

    /** The capitalised form used in responses. */
    public String responseValue() {
        return response;
    }

    /** Parses the lower-case request form; returns null when unknown. */
    public static MatterStatus fromRequest(String value) {
        if (value == null) return null;
        for (MatterStatus s : values()) {
            if (s.name().equals(value.trim().toUpperCase(Locale.ROOT))) return s;
        }
        return null;
    }
}
