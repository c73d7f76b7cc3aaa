package com.caseclock.cliosandbox.oauth;

import com.caseclock.cliosandbox.Region;
import com.caseclock.cliosandbox.http.ApiException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth 2.0 authorization-code flow as Clio Manage runs it (https://docs.developers.clio.com/api-docs/authorization ;
 * lifetimes from https://docs.developers.clio.com/faq/ "OAuth &amp; Tokens"):
 * <ul>
 *   <li>authorization codes are single use and expire after 10 minutes [inf];</li>
 *   <li>access tokens expire after {@code accessTokenTtl} (Clio: 30 days = {@code expires_in} 2,592,000 s);</li>
 *   <li>refresh tokens never expire, are not rotated, and can be reused until the grant is revoked.</li>
 * </ul>
 * Token strings embed the region ({@code us-at-…}); a token of another region, an expired, revoked or unknown token
 * fails with Clio's 401 {@code invalid_token} body (https://developers.support.clio.com/hc/en-us/articles/360004657734 ).
 */
public final class TokenService {
    /** Clio's 401 description for an expired, revoked or otherwise invalid access token. */
    public static final String INVALID_TOKEN_DESCRIPTION =
            "The access token provided is expired, revoked, malformed or invalid for other reasons.";
    private static final Duration CODE_TTL = Duration.ofMinutes(10);

    private final Region region;
    private final Clock clock;
    private volatile Duration accessTokenTtl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, OAuthClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    private record Code(String clientId, String redirectUri, String firmKey, long userId, Instant expiresAt) {}

    private static final class Grant {
        final String refreshToken;
        final String clientId;
        final String firmKey;
        final long userId;
        volatile boolean revoked;

        Grant(String refreshToken, String clientId, String firmKey, long userId) {
            this.refreshToken = refreshToken;
            this.clientId = clientId;
            this.firmKey = firmKey;
            this.userId = userId;
        }
    }

    private static final class Access {
        final Grant grant;
        final Instant expiresAt;
        volatile boolean revoked;

        Access(Grant grant, Instant expiresAt) {
            this.grant = grant;
            this.expiresAt = expiresAt;
        }
    }

    public TokenService(Region region, Clock clock, Duration accessTokenTtl) {
        this.region = region;
        this.clock = clock;
        this.accessTokenTtl = accessTokenTtl;
    }

    public void accessTokenTtl(Duration ttl) {
        this.accessTokenTtl = ttl;
    }

    public void register(OAuthClient client) {
        clients.put(client.clientId(), client);
    }

    public Optional<OAuthClient> client(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    public List<OAuthClient> clients() {
        return List.copyOf(clients.values());
    }

    /** Checks {@code client_id} and {@code redirect_uri} of an authorize request; 400 when invalid. */
    public OAuthClient checkAuthorizeRequest(String clientId, String redirectUri) {
        OAuthClient c = client(clientId).orElseThrow(() -> ApiException.oauth(400, "invalid_client", "Unknown client_id"));
        if (redirectUri == null || !c.redirectUris().contains(redirectUri)) {
            throw ApiException.oauth(400, "invalid_request", "redirect_uri does not match a registered redirect URI");
        }
        return c;
    }

    /** Issues a one-time authorization code after the user consented. */
    public String issueCode(String clientId, String redirectUri, String firmKey, long userId) {
        String code = newToken("code");
        codes.put(code, new Code(clientId, redirectUri, firmKey, userId, clock.instant().plus(CODE_TTL)));
        return code;
    }

    /** {@code grant_type=authorization_code}. */
    public TokenResponse exchangeCode(String clientId, String clientSecret, String code, String redirectUri) {
        authenticateClient(clientId, clientSecret);
        Code c = code == null ? null : codes.remove(code);
        if (c == null || c.expiresAt().isBefore(clock.instant()) || !c.clientId().equals(clientId)) {
            throw ApiException.oauth(400, "invalid_grant", "The provided authorization grant is invalid, expired or revoked");
        }
        if (redirectUri != null && !redirectUri.equals(c.redirectUri())) {
            throw ApiException.oauth(400, "invalid_grant", "redirect_uri does not match the authorization request");
        }
        return issue(clientId, c.firmKey(), c.userId());
    }

    /** Mints a new grant directly (for tests and the admin API), bypassing the browser step. */
    public TokenResponse issue(String clientId, String firmKey, long userId) {
        Grant g = new Grant(newToken("rt"), clientId, firmKey, userId);
        grants.put(g.refreshToken, g);
        return mintAccess(g);
    }

    /** {@code grant_type=refresh_token}: a new access token; the same refresh token is returned (no rotation). */
    public TokenResponse refresh(String clientId, String clientSecret, String refreshToken) {
        authenticateClient(clientId, clientSecret);
        Grant g = refreshToken == null ? null : grants.get(refreshToken);
        if (g == null || g.revoked || !g.clientId.equals(clientId)) {
            throw ApiException.oauth(400, "invalid_grant", "The provided authorization grant is invalid, expired or revoked");
        }
        return mintAccess(g);
    }

    private TokenResponse mintAccess(Grant g) {
        String token = newToken("at");
        Duration ttl = accessTokenTtl;
        accessTokens.put(token, new Access(g, clock.instant().plus(ttl)));
        return new TokenResponse(token, "bearer", ttl.toSeconds(), g.refreshToken);
    }

    private void authenticateClient(String clientId, String clientSecret) {
        OAuthClient c = client(clientId).orElse(null);
        if (c == null || !c.clientSecret().equals(clientSecret)) {
            throw ApiException.oauth(401, "invalid_client", "Client authentication failed");
        }
    }

    /** The context of a valid token, or empty when it is unknown, of another region, expired or revoked. */
    public Optional<AuthContext> authenticate(String accessToken) {
        if (accessToken == null) return Optional.empty();
        if (!accessToken.startsWith(prefix())) return Optional.empty();
        Access a = accessTokens.get(accessToken);
        if (a == null || a.revoked || a.grant.revoked || !clock.instant().isBefore(a.expiresAt)) return Optional.empty();
        return Optional.of(new AuthContext(a.grant.firmKey, a.grant.userId, accessToken, a.grant.clientId));
    }

    /** Revokes one access token (the refresh token stays usable). Returns false if unknown. */
    public boolean revokeAccessToken(String accessToken) {
        Access a = accessTokens.get(accessToken);
        if (a == null) return false;
        a.revoked = true;
        return true;
    }

    /**
     * Revokes the whole grant a token (access or refresh) belongs to — what {@code /oauth/deauthorize} and a user
     * disconnecting the app do.
     */
    public boolean revokeGrant(String token) {
        Grant g = grants.get(token);
        if (g == null) {
            Access a = accessTokens.get(token);
            if (a == null) return false;
            g = a.grant;
        }
        g.revoked = true;
        return true;
    }

    /** Revokes every grant of a firm; returns how many. */
    public int revokeFirm(String firmKey) {
        int n = 0;
        for (Grant g : grants.values()) {
            if (g.firmKey.equals(firmKey) && !g.revoked) {
                g.revoked = true;
                n++;
            }
        }
        return n;
    }

    private String prefix() {
        return region.name().toLowerCase(Locale.ROOT) + "-";
    }

    private String newToken(String kind) {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return prefix() + kind + "-" + HexFormat.of().formatHex(b);
    }
}
