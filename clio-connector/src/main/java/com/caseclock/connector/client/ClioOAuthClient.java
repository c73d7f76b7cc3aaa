package com.caseclock.connector.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.connector.config.ConnectorConfig;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientConfigBuilder;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.oidc.client.runtime.OidcClientConfig;
import io.quarkus.oidc.common.runtime.config.OidcClientCommonConfig;

/**
 * Clio's OAuth 2.0 token endpoint, through quarkus-oidc-client: exchanges an authorization code and refreshes access
 * tokens (https://docs.developers.clio.com/api-docs/authorization; NOTES.md §2). One OIDC client per region, created
 * on first use, with discovery off ({@code POST <region host>/oauth/token}, client id and secret as form fields).
 *
 * <p>Errors are classified: a refusal (400/401, {@code invalid_grant}) is {@link ClioAuthorizationRefused}; a network
 * error, timeout or 5xx is {@link ClioUnavailable}, which never means the user must reconnect.
 */
@ApplicationScoped
public class ClioOAuthClient {

    private static final Pattern STATUS = Pattern.compile("status: (\\d{3})");

    private final OidcClients oidcClients;
    private final ConnectorConfig config;
    private final Clock clock;
    private final Map<ClioRegion, OidcClient> clients = new ConcurrentHashMap<>();

    ClioOAuthClient(OidcClients oidcClients, ConnectorConfig config, Clock clock) {
        this.oidcClients = oidcClients;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param region the user's region
     * @return the browser URL of Clio's consent page for a given state value
     */
    public URI authorizeUrl(ClioRegion region, String state) {
        return URI.create(baseUrl(region) + "/oauth/authorize?response_type=code"
                + "&client_id=" + encode(config.clio().clientId())
                + "&redirect_uri=" + encode(config.clio().redirectUri().toString())
                + "&state=" + encode(state));
    }

    /**
     * Exchanges an authorization code (grant type {@code authorization_code}).
     *
     * @throws ClioAuthorizationRefused if Clio refuses the code
     * @throws ClioUnavailable          if Clio cannot be reached
     */
    public ClioTokens exchangeCode(ClioRegion region, String code) {
        return call(region, "exchange the authorization code", client(region).getTokens(
                Map.of("code", code, "redirect_uri", config.clio().redirectUri().toString())));
    }

    /**
     * Refreshes an access token (grant type {@code refresh_token}).
     *
     * @throws ClioAuthorizationRefused if Clio refuses the refresh token (revoked: the user must reconnect)
     * @throws ClioUnavailable          if Clio cannot be reached or fails
     */
    public ClioTokens refresh(ClioRegion region, String refreshToken) {
        ClioTokens tokens = call(region, "refresh the access token", client(region).refreshTokens(refreshToken));
        // Clio's refresh tokens do not rotate: keep the one we have when the answer carries none.
        return tokens.refreshToken() == null ? new ClioTokens(tokens.accessToken(), refreshToken, tokens.expiresAt())
                : tokens;
    }

    private ClioTokens call(ClioRegion region, String what, io.smallrye.mutiny.Uni<Tokens> request) {
        Tokens tokens;
        try {
            tokens = request.await().atMost(config.clio().requestTimeout().plus(Duration.ofSeconds(1)));
        } catch (OidcClientException e) {
            throw classify(region, what, e);
        } catch (RuntimeException e) {
            throw new ClioUnavailable("Clio (" + region + ") could not be reached to " + what + ": "
                    + e.getClass().getSimpleName(), e);
        }
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        return new ClioTokens(tokens.getAccessToken(), tokens.getRefreshToken(),
                expiresAt == null ? null : Instant.ofEpochSecond(expiresAt));
    }

    private static RuntimeException classify(ClioRegion region, String what, OidcClientException e) {
        String message = String.valueOf(e.getMessage());
        Matcher status = STATUS.matcher(message);
        int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
        if (code == 400 || code == 401 || message.contains("invalid_grant")) {
            return new ClioAuthorizationRefused("Clio (" + region + ") refused to " + what + " (HTTP " + code
                    + (message.contains("invalid_grant") ? ", invalid_grant" : "") + ")");
        }
        return new ClioUnavailable("Clio (" + region + ") failed to " + what
                + (code == 0 ? " (no answer)" : " (HTTP " + code + ")"), e);
    }

    private OidcClient client(ClioRegion region) {
        return clients.computeIfAbsent(region, r -> {
            OidcClientConfig clientConfig = new OidcClientConfigBuilder()
                    .id("clio-" + r.name().toLowerCase(java.util.Locale.ROOT))
                    .authServerUrl(baseUrl(r))
                    .discoveryEnabled(false)
                    .tokenPath("/oauth/token")
                    .clientId(config.clio().clientId())
                    .credentials().clientSecret(config.clio().clientSecret(),
                            OidcClientCommonConfig.Credentials.Secret.Method.POST).end()
                    .grant(OidcClientConfig.Grant.Type.CODE)
                    .connectionTimeout(config.clio().requestTimeout())
                    .build();
            return oidcClients.newClient(clientConfig).await().atMost(Duration.ofSeconds(30));
        });
    }

    private String baseUrl(ClioRegion region) {
        URI base = config.clio().baseUrls().get(region.name().toLowerCase(java.util.Locale.ROOT));
        if (base == null) {
            base = config.clio().baseUrls().get(region.name());
        }
        if (base == null) {
            throw new IllegalStateException("No connector.clio.base-urls." + region.name().toLowerCase(java.util.Locale.ROOT)
                    + " configured");
        }
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** @return the instant now, from the injected clock */
    Instant now() {
        return clock.instant();
    }
}
