package com.caseclock.connector.webhook;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.connector.service.TokenCipher;

import com.caseclock.service.jdbc.Sql;

import io.agroal.api.AgroalDataSource;

/**
 * Webhook bookkeeping ({@code firm_webhook_path}, {@code clio_webhook}, {@code pending_change}; see
 * {@code V5__webhooks.sql}). Shared secrets are stored encrypted with the token key, bound to their firm.
 */
@ApplicationScoped
public class WebhookStore {

    private final AgroalDataSource dataSource;
    private final TokenCipher cipher;
    private final SecureRandom random = new SecureRandom();

    WebhookStore(AgroalDataSource dataSource, TokenCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** A webhook as recorded. */
    public record Hook(long clioWebhookId, String firmId, String model, String status, Instant expiresAt,
            Instant checkedAt) {
    }

    /** A record Clio told us about. */
    public record PendingChange(String resource, long clioId, String event) {
    }

    /** @return the firm's unguessable delivery path token, created on first use (256 random bits) */
    public String hookToken(String firmId) {
        Optional<String> existing = query("SELECT hook_token FROM firm_webhook_path WHERE firm_id = ?", firmId);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        update("INSERT INTO firm_webhook_path (firm_id, hook_token) VALUES (?, ?) ON CONFLICT (firm_id) DO NOTHING",
                firmId, token);
        return query("SELECT hook_token FROM firm_webhook_path WHERE firm_id = ?", firmId).orElseThrow();
    }

    /** @return the firm a delivery path token belongs to */
    public Optional<String> firmOfToken(String hookToken) {
        return query("SELECT firm_id FROM firm_webhook_path WHERE hook_token = ?", hookToken);
    }

    /**
     * Stores a webhook's shared secret from Clio's own answer to our registration (authoritative: the webhook is this
     * firm's, whatever an earlier handshake claimed).
     */
    public void secret(long clioWebhookId, String firmId, String secret) {
        update("INSERT INTO clio_webhook (clio_webhook_id, firm_id, shared_secret, updated_at) VALUES (?, ?, ?, now()) "
                + "ON CONFLICT (clio_webhook_id) DO UPDATE SET firm_id = EXCLUDED.firm_id, "
                + "shared_secret = EXCLUDED.shared_secret, updated_at = now()",
                clioWebhookId, firmId, cipher.encrypt(secret, firmId + "/webhook"));
    }

    /**
     * Stores the secret an (unsigned) activation handshake carries, but only for a webhook id no firm holds yet or
     * that this firm holds without a secret: a handshake can never replace a secret or take another firm's webhook.
     *
     * @return {@code true} if the secret is now this webhook's (answer the handshake), {@code false} otherwise
     */
    public boolean handshakeSecret(long clioWebhookId, String firmId, String secret) {
        byte[] sealed = cipher.encrypt(secret, firmId + "/webhook");
        String sql = "INSERT INTO clio_webhook (clio_webhook_id, firm_id, shared_secret, updated_at) "
                + "VALUES (?, ?, ?, now()) ON CONFLICT (clio_webhook_id) DO UPDATE SET "
                + "shared_secret = EXCLUDED.shared_secret, updated_at = now() "
                + "WHERE clio_webhook.firm_id = EXCLUDED.firm_id AND clio_webhook.shared_secret IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, clioWebhookId);
            s.setString(2, firmId);
            s.setBytes(3, sealed);
            if (s.executeUpdate() == 1) {
                return true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a webhook secret", e);
        }
        // Already set by Clio's registration answer: accept the handshake only if it carries that same secret.
        return secret(clioWebhookId, firmId).map(secret::equals).orElse(false);
    }

    /** @return a webhook's shared secret, if it belongs to that firm */
    public Optional<String> secret(long clioWebhookId, String firmId) {
        String sql = "SELECT shared_secret FROM clio_webhook WHERE clio_webhook_id = ? AND firm_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, clioWebhookId);
            s.setString(2, firmId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getBytes(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(cipher.decrypt(rs.getBytes(1), firmId + "/webhook"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a webhook secret", e);
        }
    }

    /**
     * Records a registered or checked webhook, from Clio's answer (authoritative: a row an earlier handshake of
     * another firm created for this id is taken over and its secret dropped).
     */
    public void registered(long clioWebhookId, String firmId, String model, String status, Instant expiresAt) {
        update("INSERT INTO clio_webhook (clio_webhook_id, firm_id, model, status, expires_at, checked_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, now(), now()) ON CONFLICT (clio_webhook_id) DO UPDATE SET "
                + "firm_id = EXCLUDED.firm_id, "
                + "shared_secret = CASE WHEN clio_webhook.firm_id = EXCLUDED.firm_id THEN clio_webhook.shared_secret END, "
                + "model = EXCLUDED.model, status = EXCLUDED.status, expires_at = EXCLUDED.expires_at, "
                + "checked_at = now(), updated_at = now()", clioWebhookId, firmId, model, status,
                expiresAt == null ? null : Timestamp.from(expiresAt));
    }

    /** Forgets a webhook Clio no longer has. */
    public void forget(long clioWebhookId) {
        update("DELETE FROM clio_webhook WHERE clio_webhook_id = ?", clioWebhookId);
    }

    /** @return the firm's registered webhooks */
    public List<Hook> hooks(String firmId) {
        String sql = "SELECT clio_webhook_id, firm_id, model, status, expires_at, checked_at FROM clio_webhook "
                + "WHERE firm_id = ? AND model IS NOT NULL ORDER BY model";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            List<Hook> hooks = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hooks.add(new Hook(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))));
                }
            }
            return hooks;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read webhooks", e);
        }
    }

    /** @return the model a webhook was registered for */
    public Optional<String> model(long clioWebhookId, String firmId) {
        String sql = "SELECT model FROM clio_webhook WHERE clio_webhook_id = ? AND firm_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, clioWebhookId);
            s.setString(2, firmId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a webhook", e);
        }
    }

    /** Records a change to fetch (the latest event per record wins) and makes the firm due now. */
    public void pending(String firmId, String resource, long clioId, String event) {
        update("INSERT INTO pending_change (firm_id, resource, clio_id, event, received_at) VALUES (?, ?, ?, ?, now()) "
                + "ON CONFLICT (firm_id, resource, clio_id) DO UPDATE SET event = EXCLUDED.event, "
                + "received_at = EXCLUDED.received_at", firmId, resource, clioId, event);
        update("UPDATE firm_sync SET next_poll_at = now() WHERE firm_id = ?", firmId);
    }

    /** Takes (and removes) up to {@code limit} pending changes of a firm, in the caller's transaction. */
    public List<PendingChange> takePending(String firmId, int limit) {
        String sql = "DELETE FROM pending_change WHERE (firm_id, resource, clio_id) IN (SELECT firm_id, resource, "
                + "clio_id FROM pending_change WHERE firm_id = ? ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "RETURNING resource, clio_id, event";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            s.setInt(2, limit);
            List<PendingChange> changes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changes.add(new PendingChange(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take pending changes", e);
        }
    }

    private Optional<String> query(String sql, String arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Webhook bookkeeping failed", e);
        }
    }

    private void update(String sql, Object... args) {
        Sql.update(dataSource, "Webhook bookkeeping", sql, args);
    }

    private static Instant instant(Timestamp timestamp) {
        return Sql.instant(timestamp);
    }
}
