package com.caseclock.connector.service;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.caseclock.connector.client.ClioApiClient;
import com.caseclock.connector.client.ClioApiException;
import com.caseclock.connector.client.ClioAuthorizationRefused;
import com.caseclock.connector.client.ClioOAuthClient;
import com.caseclock.connector.client.ClioRegion;
import com.caseclock.connector.client.ClioTokens;
import com.caseclock.connector.client.ClioUnavailable;
import com.caseclock.connector.client.ClioUser;
import com.caseclock.connector.config.ConnectorConfig;
import com.caseclock.connector.repository.ClioConnection;
import com.caseclock.connector.repository.OAuthState;
import com.caseclock.events.ConnectionState;
import com.caseclock.service.problem.ProblemException;
import com.caseclock.service.security.Caller;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Connects CaseClock users to their Clio login with the OAuth 2.0 authorization code flow, keeps their tokens
 * (encrypted) and fresh, and disconnects them (https://docs.developers.clio.com/api-docs/authorization).
 *
 * <p>Refreshes of one connection are serialised across threads and instances by a row lock ({@code SELECT … FOR
 * UPDATE}) held while Clio is asked, so a second caller waits and then finds the fresh token instead of refreshing
 * again; a race can therefore never look like a revocation. A refresh refused by Clio moves the connection to
 * NEEDS_RECONNECT (and announces it); a network error or 5xx does not.
 */
@ApplicationScoped
public class ConnectionService {

    private static final Logger LOG = Logger.getLogger(ConnectionService.class);

    private final ClioOAuthClient oauth;
    private final ClioApiClient api;
    private final TokenCipher cipher;
    private final ConnectionEvents events;
    private final ConnectorConfig config;
    private final com.caseclock.connector.sync.SyncStore syncStore;
    private final com.caseclock.connector.webhook.WebhookStore webhookStore;
    private final jakarta.enterprise.event.Event<com.caseclock.connector.posting.ConnectionRestored> restored;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ConnectionService(ClioOAuthClient oauth, ClioApiClient api, TokenCipher cipher, ConnectionEvents events,
            ConnectorConfig config, com.caseclock.connector.sync.SyncStore syncStore,
            com.caseclock.connector.webhook.WebhookStore webhookStore,
            jakarta.enterprise.event.Event<com.caseclock.connector.posting.ConnectionRestored> restored, Clock clock) {
        this.oauth = oauth;
        this.restored = restored;
        this.webhookStore = webhookStore;
        this.syncStore = syncStore;
        this.api = api;
        this.cipher = cipher;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts connecting: records a single-use state bound to the caller and answers Clio's consent URL.
     *
     * @param caller the user connecting
     * @param region their Clio region
     * @return the URL the browser opens
     */
    public URI start(Caller caller, ClioRegion region) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String stateValue = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            OAuthState state = new OAuthState();
            state.state = stateValue;
            state.firmId = caller.firmId();
            state.userId = caller.userId();
            state.region = region;
            state.createdAt = now;
            state.expiresAt = now.plus(config.clio().oauthStateTtl());
            state.persist();
        });
        return oauth.authorizeUrl(region, stateValue);
    }

    /**
     * Completes a connection when Clio sends the browser back: checks and consumes the state, exchanges the code,
     * asks Clio who the user is, stores the tokens encrypted and announces CONNECTED.
     *
     * @param stateValue the {@code state} query parameter
     * @param code       the {@code code} query parameter (absent when the user declined)
     * @param error      the {@code error} query parameter ({@code access_denied} when the user declined)
     * @return the connection's view
     * @throws ProblemException 400 for a missing, unknown, used or expired state or a declined consent; 502 when
     *                          Clio refuses the code; 503 when Clio cannot be reached
     */
    public ConnectionView complete(String stateValue, String code, String error) {
        if (stateValue == null || stateValue.isBlank()) {
            throw ProblemException.badRequest("state", "is required");
        }
        if (stateValue.indexOf('\0') >= 0) {
            // PostgreSQL cannot even compare text holding NUL; no state we issued contains one.
            throw ProblemException.badRequest("state", "is unknown: start the connection again");
        }
        OAuthState state = QuarkusTransaction.requiringNew().call(() -> consume(stateValue));
        if (error != null) {
            throw new ProblemException(400, "Connection declined",
                    "Clio answered '" + error + "': the connection was not made. Start again to connect.");
        }
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest("code", "is required");
        }
        ClioTokens tokens;
        ClioUser user;
        try {
            tokens = oauth.exchangeCode(state.region, code);
            user = api.whoAmI(state.region, tokens.accessToken());
        } catch (ClioAuthorizationRefused e) {
            throw new ProblemException(502, "Clio refused the connection", e.getMessage()
                    + ". Start again to connect.");
        } catch (ClioApiException e) {
            throw new ProblemException(502, "Clio refused the connection", "Clio answered HTTP " + e.status()
                    + " when asked who the user is. Start again to connect.");
        } catch (ClioUnavailable e) {
            throw new ProblemException(503, "Clio unavailable", e.getMessage() + ". Try again in a moment.");
        }
        return QuarkusTransaction.requiringNew().call(() -> store(state, tokens, user));
    }

    private OAuthState consume(String stateValue) {
        OAuthState state = OAuthState.findById(stateValue, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (state == null) {
            throw ProblemException.badRequest("state", "is unknown: start the connection again");
        }
        if (state.consumedAt != null) {
            throw ProblemException.badRequest("state", "was already used: start the connection again");
        }
        if (now.isAfter(state.expiresAt)) {
            throw ProblemException.badRequest("state", "has expired: start the connection again");
        }
        state.consumedAt = now;
        return state;
    }

    private ConnectionView store(OAuthState state, ClioTokens tokens, ClioUser user) {
        Instant now = clock.instant();
        ClioConnection connection = ClioConnection.findById(new ClioConnection.Key(state.firmId, state.userId),
                LockModeType.PESSIMISTIC_WRITE);
        if (connection == null) {
            connection = new ClioConnection();
            connection.firmId = state.firmId;
            connection.userId = state.userId;
        }
        connection.region = state.region;
        connection.state = ClioConnection.State.CONNECTED;
        connection.clioUserId = user.clioUserId();
        connection.clioUserName = user.name();
        connection.accessToken = cipher.encrypt(tokens.accessToken(), connection.tokenOwner());
        connection.refreshToken = tokens.refreshToken() == null ? null
                : cipher.encrypt(tokens.refreshToken(), connection.tokenOwner());
        connection.accessTokenExpiresAt = tokens.expiresAt();
        connection.lastError = null;
        connection.connectedAt = now;
        connection.updatedAt = now;
        connection.persist();
        events.changed(connection, ConnectionState.CONNECTED, null);
        syncStore.ensureFirm(connection.firmId, connection.userId);
        // Parked work (entries waiting for this connection) resumes once this transaction commits.
        restored.fire(new com.caseclock.connector.posting.ConnectionRestored(connection.firmId, connection.userId));
        LOG.infof("Firm %s user %s connected to Clio (%s) as Clio user %d", connection.firmId, connection.userId,
                connection.region, user.clioUserId());
        return view(connection);
    }

    /**
     * A valid access token for a user, refreshed first when it expires within {@code connector.clio.refresh-ahead}.
     *
     * @param firmId the firm
     * @param userId the CaseClock user
     * @return the access token and the region to use it in
     * @throws NeedsReconnect  when there is no usable connection (never connected, disconnected, or Clio refused the
     *                         refresh token)
     * @throws ClioUnavailable when a needed refresh could not reach Clio (the connection stays CONNECTED)
     */
    public AccessToken accessToken(String firmId, String userId) {
        return token(firmId, userId, false);
    }

    /**
     * Refreshes a user's access token now, whatever its recorded expiry: for when Clio answered 401 to a token we
     * thought valid.
     *
     * @throws NeedsReconnect  when Clio refuses the refresh token (the connection moves to NEEDS_RECONNECT)
     * @throws ClioUnavailable when Clio cannot be reached
     */
    public AccessToken refreshNow(String firmId, String userId) {
        return token(firmId, userId, true);
    }

    /**
     * Refreshes now and swallows the outcome: for support tooling and tests that want the connection's state brought
     * up to date with Clio (a refused refresh moves it to NEEDS_RECONNECT).
     */
    public void refreshNowIgnoringFailure(String firmId, String userId) {
        try {
            refreshNow(firmId, userId);
        } catch (NeedsReconnect | ClioUnavailable e) {
            LOG.debugf("Refresh for firm %s user %s: %s", firmId, userId, e.getMessage());
        }
    }

    private AccessToken token(String firmId, String userId, boolean force) {
        if (!force) {
            AccessToken usable = QuarkusTransaction.requiringNew().call(() -> usableToken(firmId, userId));
            if (usable != null) {
                return usable;
            }
        }
        RefreshOutcome outcome = QuarkusTransaction.requiringNew().call(() -> accessTokenLocked(firmId, userId,
                force));
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.token();
    }

    /**
     * The stored access token when it can be used as it is (connected, not within {@code refresh-ahead} of its
     * expiry), read without locking the row: the common case of every Clio call. Anything else returns {@code null}
     * and goes through {@link #accessTokenLocked}, where one caller at a time refreshes. (Locking the row on every
     * call made each read a writing transaction, one WAL flush per posted entry.)
     */
    private AccessToken usableToken(String firmId, String userId) {
        ClioConnection connection = ClioConnection.findById(new ClioConnection.Key(firmId, userId));
        if (connection == null || connection.state != ClioConnection.State.CONNECTED
                || connection.accessToken == null || connection.accessTokenExpiresAt != null
                && !clock.instant().plus(config.clio().refreshAhead()).isBefore(connection.accessTokenExpiresAt)) {
            return null;
        }
        return new AccessToken(connection.region, cipher.decrypt(connection.accessToken, connection.tokenOwner()));
    }

    private RefreshOutcome accessTokenLocked(String firmId, String userId, boolean force) {
        ClioConnection connection = ClioConnection.findById(new ClioConnection.Key(firmId, userId),
                LockModeType.PESSIMISTIC_WRITE);
        if (connection == null) {
            return RefreshOutcome.failed(new NeedsReconnect(firmId, userId, "not connected to Clio"));
        }
        if (connection.state == ClioConnection.State.NEEDS_RECONNECT) {
            return RefreshOutcome.failed(new NeedsReconnect(firmId, userId, connection.lastError));
        }
        Instant now = clock.instant();
        boolean expiring = force || connection.accessTokenExpiresAt != null
                && !now.plus(config.clio().refreshAhead()).isBefore(connection.accessTokenExpiresAt);
        if (!expiring) {
            return RefreshOutcome.ok(new AccessToken(connection.region,
                    cipher.decrypt(connection.accessToken, connection.tokenOwner())));
        }
        if (connection.refreshToken == null) {
            return markNeedsReconnect(connection, "Clio gave no refresh token; connect again");
        }
        String refreshToken = cipher.decrypt(connection.refreshToken, connection.tokenOwner());
        try {
            ClioTokens fresh = oauth.refresh(connection.region, refreshToken);
            connection.accessToken = cipher.encrypt(fresh.accessToken(), connection.tokenOwner());
            if (fresh.refreshToken() != null) {
                connection.refreshToken = cipher.encrypt(fresh.refreshToken(), connection.tokenOwner());
            }
            connection.accessTokenExpiresAt = fresh.expiresAt();
            connection.lastError = null;
            connection.updatedAt = now;
            return RefreshOutcome.ok(new AccessToken(connection.region, fresh.accessToken()));
        } catch (ClioAuthorizationRefused e) {
            return markNeedsReconnect(connection, "Clio refused to renew access (the connection was revoked or "
                    + "expired at Clio); connect again");
        } catch (ClioUnavailable e) {
            connection.lastError = "Could not renew access because Clio was unavailable; will retry";
            connection.updatedAt = now;
            return RefreshOutcome.failed(e);
        }
    }

    private RefreshOutcome markNeedsReconnect(ClioConnection connection, String reason) {
        connection.state = ClioConnection.State.NEEDS_RECONNECT;
        connection.lastError = reason;
        connection.updatedAt = clock.instant();
        events.changed(connection, ConnectionState.NEEDS_RECONNECT, reason);
        LOG.warnf("Firm %s user %s needs to reconnect to Clio: %s", connection.firmId, connection.userId, reason);
        return RefreshOutcome.failed(new NeedsReconnect(connection.firmId, connection.userId, reason));
    }

    /**
     * Marks a connection NEEDS_RECONNECT after Clio answered 401 to an API call with a token we thought valid (and a
     * refresh was refused), announcing it.
     */
    public void needsReconnect(String firmId, String userId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            ClioConnection connection = ClioConnection.findById(new ClioConnection.Key(firmId, userId),
                    LockModeType.PESSIMISTIC_WRITE);
            if (connection != null && connection.state != ClioConnection.State.NEEDS_RECONNECT) {
                markNeedsReconnect(connection, reason);
            }
        });
    }

    /**
     * Disconnects the caller: revokes the token at Clio (best effort: a Clio that cannot be reached does not keep the
     * tokens here) and deletes the tokens, announcing DISCONNECTED.
     *
     * @return {@code true} if there was a connection
     */
    public boolean disconnect(Caller caller) {
        ClioConnection existing = QuarkusTransaction.requiringNew().call(
                () -> ClioConnection.<ClioConnection> findById(new ClioConnection.Key(caller.firmId(),
                        caller.userId())));
        if (existing == null) {
            return false;
        }
        if (existing.accessToken != null) {
            try {
                api.deauthorize(existing.region, cipher.decrypt(existing.accessToken, existing.tokenOwner()));
            } catch (RuntimeException e) {
                LOG.warnf("Could not deauthorize firm %s user %s at Clio (%s); deleting the tokens anyway",
                        caller.firmId(), caller.userId(), e.getClass().getSimpleName());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            ClioConnection connection = ClioConnection.findById(new ClioConnection.Key(caller.firmId(),
                    caller.userId()), LockModeType.PESSIMISTIC_WRITE);
            if (connection != null) {
                events.changed(connection.firmId, connection.userId, ConnectionState.DISCONNECTED,
                        connection.region.name(), connection.clioUserId, connection.clioAccountId,
                        "Disconnected by the user");
                connection.delete();
            }
        });
        return true;
    }

    /** @return the caller's connection as shown to them */
    public ConnectionView status(Caller caller) {
        ClioConnection connection = QuarkusTransaction.requiringNew().call(
                () -> ClioConnection.<ClioConnection> findById(new ClioConnection.Key(caller.firmId(),
                        caller.userId())));
        return connection == null ? notConnected(caller.userId()) : view(connection);
    }

    /** @return every connection of the caller's firm (firm admins) */
    public List<ConnectionView> firmStatus(Caller caller) {
        return QuarkusTransaction.requiringNew().call(() -> ClioConnection
                .<ClioConnection> list("firmId = ?1 order by userId", caller.firmId())
                .stream().map(this::view).toList());
    }

    private static ConnectionView notConnected(String userId) {
        return new ConnectionView(userId, false, "NOT_CONNECTED", null, null, null, null, null, null, null);
    }

    private ConnectionView view(ClioConnection c) {
        List<FirmSyncView.WebhookState> hooks = webhookStore.hooks(c.firmId).stream()
                .map(h -> new FirmSyncView.WebhookState(h.model(), h.status(), h.expiresAt())).toList();
        return new ConnectionView(c.userId, c.state == ClioConnection.State.CONNECTED, c.state.name(),
                c.region.name(), c.clioUserId, c.clioUserName, c.lastError, c.connectedAt, c.updatedAt,
                syncStore.view(c.firmId, hooks).orElse(null));
    }

    /**
     * A usable access token.
     *
     * @param region the region to call
     * @param value  the bearer token; never log it
     */
    public record AccessToken(ClioRegion region, String value) {
        @Override
        public String toString() {
            return "AccessToken[region=" + region + "]";
        }
    }

    private record RefreshOutcome(AccessToken token, RuntimeException failure) {
        static RefreshOutcome ok(AccessToken token) {
            return new RefreshOutcome(token, null);
        }

        static RefreshOutcome failed(RuntimeException failure) {
            return new RefreshOutcome(null, failure);
        }
    }
}
