package com.caseclock.connector.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.connector.config.ConnectorConfig;

/**
 * Encrypts Clio tokens at rest with AES-256-GCM (the JDK's provider): a fresh random 96-bit nonce per value, a 128-bit
 * authentication tag, and associated data binding the ciphertext to its owner (firm and user), so a value copied into
 * another row does not decrypt. Stored form: nonce (12 bytes) followed by ciphertext and tag.
 *
 * <p>The key comes from {@code connector.tokens.encryption-key} (Base64, 32 bytes) and is never logged.
 */
@ApplicationScoped
public class TokenCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(ConnectorConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.tokens().encryptionKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("connector.tokens.encryption-key is not Base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("connector.tokens.encryption-key must be 32 bytes (256 bits), Base64");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * @param plaintext the token
     * @param owner     associated data, e.g. {@code firmId + "/" + userId}
     * @return nonce + ciphertext + tag
     * @throws IllegalStateException if the JDK cannot encrypt (no AES-GCM provider)
     */
    public byte[] encrypt(String plaintext, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Token encryption failed", e);
        }
    }

    /**
     * @param stored what {@link #encrypt} returned
     * @param owner  the same associated data
     * @return the token
     * @throws IllegalStateException if the value was tampered with, belongs to another owner, or the key changed
     */
    public String decrypt(byte[] stored, String owner) {
        if (stored == null || stored.length <= NONCE_BYTES) {
            throw new IllegalStateException("Stored token is missing or truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored token cannot be decrypted (tampered, other owner or other key)");
        }
    }
}
