package com.caseclock.connector.client;

import java.util.Locale;
import java.util.Optional;

/**
 * Clio's separate regional instances. An OAuth application and its tokens belong to one region; a token is rejected
 * by another region's hosts (https://docs.developers.clio.com/handbook/getting-started/regions).
 */
public enum ClioRegion {
    /** app.clio.com */
    US,
    /** eu.app.clio.com */
    EU,
    /** ca.app.clio.com */
    CA,
    /** au.app.clio.com */
    AU;

    /**
     * @param value a region name, any case
     * @return the region, or empty when it is not one of US, EU, CA, AU
     */
    public static Optional<ClioRegion> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
