package com.caseclock.connector.repository;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.caseclock.connector.client.ClioRegion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One CaseClock user's connection to their Clio login (table {@code clio_connection}). Tokens are stored encrypted
 * ({@code TokenCipher}); this entity never holds them in plain text.
 */
@Entity
@Table(name = "clio_connection")
@IdClass(ClioConnection.Key.class)
public class ClioConnection extends PanacheEntityBase {

    /** Connection states. */
    public enum State {
        /** Tokens work. */
        CONNECTED,
        /** Clio refused the refresh token (revoked or invalid): only the user can fix it by connecting again. */
        NEEDS_RECONNECT
    }

    @Id
    @Column(name = "firm_id")
    public String firmId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public ClioRegion region;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "clio_user_id")
    public Long clioUserId;

    @Column(name = "clio_account_id")
    public Long clioAccountId;

    @Column(name = "clio_user_name")
    public String clioUserName;

    /** AES-GCM ciphertext of the access token. */
    @Column(name = "access_token")
    public byte[] accessToken;

    /** AES-GCM ciphertext of the refresh token. */
    @Column(name = "refresh_token")
    public byte[] refreshToken;

    @Column(name = "access_token_expires_at")
    public Instant accessTokenExpiresAt;

    /** The last problem, in plain words, or null. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "connected_at")
    public Instant connectedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** @return the associated data binding this row's token ciphertexts to it */
    public String tokenOwner() {
        return firmId + "/" + userId;
    }

    /** Composite primary key (firm, user). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String firmId;
        public String userId;

        public Key() {
        }

        public Key(String firmId, String userId) {
            this.firmId = firmId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(firmId, k.firmId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(firmId, userId);
        }
    }
}
