package com.caseclock.supportcli.command;

import java.util.Map;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults of the connection options from the environment, as {@code ./run-local.sh} writes them to
 * {@code .local/stack.env} ({@code source .local/stack.env} first): {@code TIMEENTRY_URL}, {@code MATTER_CACHE_URL},
 * {@code CONNECTOR_URL}, and the bearer token from {@code CASECLOCK_TOKEN}. Without them the URLs default to the local
 * stack's ports.
 */
public final class EnvDefaults implements IDefaultValueProvider {

    /** Environment variable of the timeentry-service URL. */
    public static final String TIMEENTRY_URL = "TIMEENTRY_URL";
    /** Environment variable of the matter-cache-service URL. */
    public static final String MATTER_CACHE_URL = "MATTER_CACHE_URL";
    /** Environment variable of the clio-connector URL. */
    public static final String CONNECTOR_URL = "CONNECTOR_URL";
    /** Environment variable of the bearer token. */
    public static final String TOKEN = "CASECLOCK_TOKEN";

    private final Map<String, String> env;

    /** @param env the environment (normally {@link System#getenv()}) */
    public EnvDefaults(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option)) {
            return null;
        }
        return switch (option.longestName()) {
            case ServiceOptions.TIMEENTRY_OPTION -> env.getOrDefault(TIMEENTRY_URL, "http://localhost:8080");
            case ServiceOptions.MATTER_CACHE_OPTION -> env.getOrDefault(MATTER_CACHE_URL, "http://localhost:8081");
            case ServiceOptions.CONNECTOR_OPTION -> env.getOrDefault(CONNECTOR_URL, "http://localhost:8082");
            case ServiceOptions.TOKEN_OPTION -> env.get(TOKEN);
            default -> null;
        };
    }
}
