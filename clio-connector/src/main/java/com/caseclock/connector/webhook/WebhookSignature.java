package com.caseclock.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Clio's webhook signature: {@code X-Hook-Signature} is the HMAC-SHA256 of the raw request body keyed with the
 * webhook's shared secret ("Confirming Hook Legitimacy", tag Webhooks of https://docs.developers.clio.com/openapi.json),
 * as lower-case hex (NOTES.md §9). Compared in constant time.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /**
     * @param secret    the webhook's shared secret
     * @param rawBody   the body exactly as received
     * @param signature the {@code X-Hook-Signature} header (hex, any case)
     * @return {@code true} only when the signature is present and matches
     */
    public static boolean valid(String secret, byte[] rawBody, String signature) {
        if (secret == null || signature == null || signature.isBlank()) {
            return false;
        }
        byte[] expected = hmac(secret, rawBody);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
