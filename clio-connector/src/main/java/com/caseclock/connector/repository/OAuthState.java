package com.caseclock.connector.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.caseclock.connector.client.ClioRegion;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An OAuth 2.0 {@code state} value handed to the browser when a user starts connecting (table {@code oauth_state}):
 * bound to that user, single use, short-lived (RFC 6749 §10.12, CSRF protection).
 */
@Entity
@Table(name = "oauth_state")
public class OAuthState extends PanacheEntityBase {

    @Id
    public String state;

    @Column(name = "firm_id")
    public String firmId;

    @Column(name = "user_id")
    public String userId;

    @Enumerated(EnumType.STRING)
    public ClioRegion region;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "consumed_at")
    public Instant consumedAt;
}
