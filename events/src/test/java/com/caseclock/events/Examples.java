package com.caseclock.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads test resources. */
final class Examples {

    private Examples() {
    }

    static String resource(String path) {
        try (InputStream in = Examples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String validExample(EventType type) {
        return resource(examplePath(type));
    }

    static String examplePath(EventType type) {
        return "/examples/" + type.ceType() + ".json";
    }

    static String invalidExample(String name) {
        return resource("/examples/invalid/" + name);
    }
}
