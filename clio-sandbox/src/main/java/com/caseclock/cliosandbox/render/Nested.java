package com.caseclock.cliosandbox.render;

import java.util.function.Supplier;

/**
 * A nested resource inside a rendered record, computed lazily: yields a {@link Rendered}, a {@code List<Rendered>} or
 * null. Nesting rules: https://docs.developers.clio.com/api-docs/fields .
 */
public record Nested(Supplier<Object> value) {
    public static Nested of(Supplier<Object> value) {
        return new Nested(value);
    }
}
