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

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints bearer JWTs for tests, signed (RS256, with jose4j) with the test-only key pair in {@code /test-jwt/} whose public half
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
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setSubject(userId);
            claims.setStringListClaim("groups", new ArrayList<>(roles));
            claims.setIssuedAt(NumericDate.fromSeconds(expiresAt.minus(Duration.ofHours(2)).getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
            if (firmId != null) {
                claims.setClaim("firm_id", firmId);
            }
            if (zone != null) {
                claims.setClaim("zoneinfo", zone);
            }
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(PRIVATE_KEY);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            try {
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException("Could not sign a test token", e);
            }
        }
    }

    private static PrivateKey privateKey() {
        try {
            String pem = resource("/test-jwt/private-key.pem").replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
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
