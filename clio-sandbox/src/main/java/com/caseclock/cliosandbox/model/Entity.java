package com.caseclock.cliosandbox.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Base of every Clio record held by the sandbox: id, timestamps and a version used to derive the ETag.
 *
 * <p>Records are mutable and are only touched while holding the {@link com.caseclock.cliosandbox.store.SandboxState}
 * lock. ETags are quoted 32-hex strings, as in Clio's samples ({@code "\"9a10…\""}); see
 * https://docs.developers.clio.com/api-docs/etags .
 */
public abstract class Entity {
    public long id;
    /** Creation time, truncated to whole seconds as Clio exposes it. */
    public Instant createdAt;
    /** Last update time, truncated to whole seconds as Clio exposes it. */
    public Instant updatedAt;
    /** Incremented on every change; part of the ETag. */
    public long version;

    /** The quoted ETag of the current state, e.g. {@code "\"3cc31bfbd6cfc16d3d7123423e437079\""}. */
    public String etag() {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest((getClass().getSimpleName() + ':' + id + ':' + version + ':' + updatedAt)
                    .getBytes(StandardCharsets.UTF_8));
            return '"' + HexFormat.of().formatHex(digest) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks the record changed at {@code now}: bumps the version and {@code updated_at}. */
    public void touch(Instant now) {
        version++;
        updatedAt = now;
    }
}
