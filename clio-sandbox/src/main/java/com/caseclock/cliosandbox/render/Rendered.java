package com.caseclock.cliosandbox.render;

import java.util.LinkedHashMap;

/**
 * Every field a record can show, by Clio field name. Values are JSON-ready scalars (String, Number, Boolean, List of
 * strings, null) or {@link Nested}. {@link Projector} cuts it down to the requested {@code fields}.
 */
public final class Rendered extends LinkedHashMap<String, Object> {
    public Rendered with(String key, Object value) {
        put(key, value);
        return this;
    }
}
