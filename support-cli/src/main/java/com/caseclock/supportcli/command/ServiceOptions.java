package com.caseclock.supportcli.command;

import java.net.URI;
import java.time.Duration;

import com.caseclock.supportcli.http.ServiceClient;

import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the services are and who calls them: the options every command shares (defaults from the environment, see
 * {@link EnvDefaults}).
 */
public final class ServiceOptions {

    static final String TIMEENTRY_OPTION = "--timeentry-url";
    static final String MATTER_CACHE_OPTION = "--matter-cache-url";
    static final String CONNECTOR_OPTION = "--connector-url";
    static final String TOKEN_OPTION = "--token";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = TIMEENTRY_OPTION, paramLabel = "URL",
            description = "timeentry-service base URL (env TIMEENTRY_URL; now ${DEFAULT-VALUE})")
    String timeentryUrl;

    @Option(names = MATTER_CACHE_OPTION, paramLabel = "URL",
            description = "matter-cache-service base URL (env MATTER_CACHE_URL; now ${DEFAULT-VALUE})")
    String matterCacheUrl;

    @Option(names = CONNECTOR_OPTION, paramLabel = "URL",
            description = "clio-connector base URL (env CONNECTOR_URL; now ${DEFAULT-VALUE})")
    String connectorUrl;

    @Option(names = TOKEN_OPTION, paramLabel = "JWT", showDefaultValue = Visibility.NEVER,
            description = "Bearer token with the support (or firm-admin) role (env CASECLOCK_TOKEN, e.g. "
                    + "$TOKEN_SUPPORT from .local/stack.env). Never printed.")
    String token;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Timeout per request, seconds (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    /** @return a client of timeentry-service */
    public ServiceClient timeentry() {
        return client("timeentry-service", TIMEENTRY_OPTION, timeentryUrl);
    }

    /** @return a client of matter-cache-service */
    public ServiceClient matterCache() {
        return client("matter-cache-service", MATTER_CACHE_OPTION, matterCacheUrl);
    }

    /** @return a client of clio-connector */
    public ServiceClient connector() {
        return client("clio-connector", CONNECTOR_OPTION, connectorUrl);
    }

    /** @return the bearer token @throws ParameterException (exit 2) when there is none */
    public String token() {
        if (token == null || token.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "No bearer token: pass " + TOKEN_OPTION + " or set " + EnvDefaults.TOKEN);
        }
        return token.strip();
    }

    private ServiceClient client(String service, String option, String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for " + option + ": '" + url + "' is not an http(s) URL");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 600) {
            throw new ParameterException(spec.commandLine(), "Invalid value for --timeout: 1 to 600 seconds");
        }
        return new ServiceClient(service, uri, token(), Duration.ofSeconds(timeoutSeconds));
    }
}
