package com.caseclock.cliosandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Hook-Signature}: HMAC-SHA256 of the raw request body keyed with the webhook's shared secret (SPEC tag
 * "Webhooks", "Confirming Hook Legitimacy"; https://docs.developers.clio.com/guides/clio-manage/webhooks/ ). Clio does
 * not state the digest encoding; the sandbox emits lower-case hex, as public receivers expect [obs].
 */
public final class HookSignature {
    private HookSignature() {}

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time check of a received signature, as a receiver should do it. */
    public static boolean verify(String secret, byte[] body, String signature) {
        if (signature == null) return false;
        return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                signature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
