package com.caseclock.supportcli.command;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import com.caseclock.supportcli.http.ServiceClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    /** The option of the bearer token (never printed). */
    public static final String TOKEN_OPTION = "--token";

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

    /**
     * The bearer token, checked before anything is sent: surrounding whitespace is stripped; inside, only the JWT /
     * base64url alphabet ({@code A-Z a-z 0-9 - _}, padding {@code =}) and {@code .} are allowed, so a token pasted
     * from a wrapped terminal (with a line break) is refused instead of reaching the HTTP client, whose error would
     * echo it. The message never contains the token.
     *
     * @return the bearer token, stripped
     * @throws ParameterException (exit 2) when there is none or it is malformed
     */
    public String token() {
        if (token == null || token.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "No bearer token: pass " + TOKEN_OPTION + " or set " + EnvDefaults.TOKEN);
        }
        String problem = malformation(token.strip());
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), "The token is malformed (" + problem + "); check "
                    + TOKEN_OPTION + " or " + EnvDefaults.TOKEN);
        }
        return token.strip();
    }

    /**
     * @param token a stripped token
     * @return what is wrong with it in plain words (never quoting it), or {@code null} when it is well formed
     */
    static String malformation(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                return "it contains a line break, space or control character at position " + (i + 1)
                        + "; paste it as one line";
            }
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '=')) {
                return "character at position " + (i + 1) + " is not allowed in a JWT: only letters, digits, "
                        + "'-', '_', '.' and '='";
            }
        }
        return null;
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

    /**
     * The CaseClock roles the token claims ({@code groups}: {@code lawyer}, {@code firm-admin}, {@code support}), read
     * from its payload without verifying it: only to give a clear command-line error before anything is sent; the
     * services verify the token and decide.
     *
     * @return the roles, empty when the token's payload cannot be read
     */
    public Set<String> claimedRoles() {
        Set<String> roles = new HashSet<>();
        String[] parts = token().split("\\.");
        if (parts.length < 2) {
            return roles;
        }
        try {
            JsonNode groups = new ObjectMapper()
                    .readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).path("groups");
            groups.forEach(g -> roles.add(g.asText()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            // not a readable JWT payload: leave it to the services to refuse
        }
        return roles;
    }
}
