package com.caseclock.bench.pipeline;

/**
 * Base URLs of the stack under test.
 *
 * @param timeentry   timeentry-service
 * @param matterCache matter-cache-service
 * @param connector   clio-connector
 * @param sandbox     the Clio sandbox
 */
record Urls(String timeentry, String matterCache, String connector, String sandbox) {

    static Urls of(StackEnv env) {
        return new Urls(env.get("TIMEENTRY_URL"), env.get("MATTER_CACHE_URL"), env.get("CONNECTOR_URL"),
                env.get("CLIO_SANDBOX_URL"));
    }
}
