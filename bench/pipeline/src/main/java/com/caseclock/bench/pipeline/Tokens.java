package com.caseclock.bench.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Bearer tokens for the benchmark's users, minted by the local stack's own {@code deploy/local/MintTokens} (compiled
 * by {@code ./run-local.sh} into {@code <state>/helpers}, which {@code bench/run.sh} puts on the class path) with the
 * stack's private key, so the services trust them.
 */
final class Tokens {
    private final Path privateKeyPem;
    private final String issuer;

    Tokens(Path privateKeyPem, String issuer) {
        this.privateKeyPem = privateKeyPem;
        this.issuer = issuer;
    }

    /**
     * @param firm  CaseClock firm id ({@code firm_id} claim)
     * @param user  CaseClock user id ({@code sub})
     * @param roles comma-separated roles ({@code groups}), e.g. {@code lawyer}
     * @return a compact JWS valid for one day
     */
    synchronized String mint(String firm, String user, String roles) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Method main = Class.forName("MintTokens").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {privateKeyPem.toString(), issuer, "1", firm, user, roles});
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("MintTokens (the stack's helpers directory) is not on the class path", e);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
