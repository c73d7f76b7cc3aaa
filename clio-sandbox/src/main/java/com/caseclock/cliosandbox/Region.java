package com.caseclock.cliosandbox;

/**
 * Clio regions. Each region is a separate instance; a token minted in one region is rejected by another
 * (https://docs.developers.clio.com/handbook/getting-started/regions ; https://docs.developers.clio.com/faq/ ).
 */
public enum Region {
    US("app.clio.com"), EU("eu.app.clio.com"), CA("ca.app.clio.com"), AU("au.app.clio.com");

    private final String host;

    Region(String host) {
        this.host = host;
    }

    /** The real Clio Manage host of this region, e.g. {@code app.clio.com}. */
    public String host() {
        return host;
    }
}
