package com.caseclock.testsupport.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Mints bearer JWTs for tests, signed (RS256) with the test-only key pair in {@code /test-jwt/} whose public half
 * {@link TokenIssuerResource} configures as the services' trusted key. Claims follow the services' rules: {@code iss},
 * {@code sub} = user id, {@code firm_id}, {@code groups} = roles, {@code zoneinfo} = IANA time zone, {@code exp}.
 */
public final class TestTokens {

    /** The issuer the services trust in tests. */
    public static final String ISSUER = "https://caseclock.test/issuer";

    private static final PrivateKey PRIVATE_KEY = privateKey();

    private TestTokens() {
    }

    /** @return a lawyer's token, time zone America/Los_Angeles, valid for an hour */
    public static String lawyer(String firmId, String userId) {
        return builder().firm(firmId).user(userId).roles("lawyer").sign();
    }

    /** @return a firm administrator's token */
    public static String firmAdmin(String firmId, String userId) {
        return builder().firm(firmId).user(userId).roles("firm-admin").sign();
    }

    /** @return a CaseClock support engineer's token */
    public static String support(String userId) {
        return builder().firm("caseclock").user(userId).roles("support").sign();
    }

    /** @return a builder for tokens with unusual claims (expired, wrong issuer, missing firm) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the PEM text of the public key that verifies these tokens */
    public static String publicKeyPem() {
        return resource("/test-jwt/public-key.pem");
    }

    /** Token under construction; unset claims get sensible defaults. */
    public static final class Builder {
        private String issuer = ISSUER;
        private String firmId = "firm-test";
        private String userId = "user-test";
        private Set<String> roles = Set.of("lawyer");
        private String zone = "America/Los_Angeles";
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));

        /** @return this builder, with another issuer (for wrong-issuer tests) */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** @return this builder, with the firm claim ({@code null} leaves it out) */
        public Builder firm(String firmId) {
            this.firmId = firmId;
            return this;
        }

        /** @return this builder, with the subject */
        public Builder user(String userId) {
            this.userId = userId;
            return this;
        }

        /** @return this builder, with the {@code groups} claim */
        public Builder roles(String... roles) {
            this.roles = Set.of(roles);
            return this;
        }

        /** @return this builder, with the {@code zoneinfo} claim ({@code null} leaves it out) */
        public Builder zone(String zone) {
            this.zone = zone;
            return this;
        }

        /** @return this builder, with an expiry instant (in the past for expired-token tests) */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** @return the signed compact JWT */
        public String sign() {
            var claims = Jwt.issuer(issuer).subject(userId).groups(roles)
                    .issuedAt(expiresAt.minus(Duration.ofHours(2)))
                    .expiresAt(expiresAt);
            if (firmId != null) {
                claims.claim("firm_id", firmId);
            }
            if (zone != null) {
                claims.claim("zoneinfo", zone);
            }
            return claims.jws().sign(PRIVATE_KEY);
        }
    }

    private static PrivateKey privateKey() {
        try {
            return KeyUtils.decodePrivateKey(resource("/test-jwt/private-key.pem"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Test signing key is unreadable", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = TestTokens.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
