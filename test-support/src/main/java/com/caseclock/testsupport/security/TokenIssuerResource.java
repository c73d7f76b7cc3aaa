package com.caseclock.testsupport.security;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource that makes the service under test trust tokens minted by {@link TestTokens}: it sets
 * quarkus-oidc's local public key (so no OpenID provider is contacted) and the expected issuer.
 */
public class TokenIssuerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String publicKey = TestTokens.publicKeyPem()
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return Map.of(
                "quarkus.oidc.public-key", publicKey,
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // nothing to release
    }
}
