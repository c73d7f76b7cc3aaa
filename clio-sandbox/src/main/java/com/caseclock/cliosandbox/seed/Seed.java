package com.caseclock.cliosandbox.seed;

import com.caseclock.cliosandbox.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Seed data: a JSON document with {@code oauth_clients[]} and {@code firms[]} (format in the module README). Records use
 * Clio's write-body field names, plus explicit {@code id}, {@code created_at} and {@code updated_at}.
 */
public record Seed(JsonNode root) {
    /** Classpath location of the demo seed shipped with the sandbox. */
    public static final String DEMO_RESOURCE = "/seeds/demo.json";

    public static Seed fromPath(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return new Seed(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed " + path, e);
        }
    }

    public static Seed fromJson(String json) {
        try {
            return new Seed(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo seed ({@code seeds/demo.json}): two firms, a few hundred matters, every rate layer. */
    public static Seed demo() {
        try (InputStream in = Seed.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) throw new IllegalStateException("demo seed missing from the class path: " + DEMO_RESOURCE);
            return new Seed(Json.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No firms, no clients. */
    public static Seed empty() {
        return fromJson("{\"firms\":[]}");
    }
}
