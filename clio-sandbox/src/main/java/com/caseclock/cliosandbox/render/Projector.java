package com.caseclock.cliosandbox.render;

import com.caseclock.cliosandbox.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link FieldSelection} to a {@link Rendered} record. Unknown fields give 400; a nested resource named
 * without braces, or met at the second level, shows its default fields ({@code id}, {@code etag}; for a value object
 * without an id, such as {@code rate} or {@code custom_rate}, its plain attributes).
 * Source: https://docs.developers.clio.com/api-docs/fields .
 */
public final class Projector {
    private static final List<String> NESTED_DEFAULT = List.of("id", "etag");

    private Projector() {}

    public static Map<String, Object> project(Rendered full, FieldSelection selection) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldSelection.Field f : selection.fields()) {
            if (!full.containsKey(f.name())) throw ApiException.badRequest("Invalid field: " + f.name());
            Object value = full.get(f.name());
            if (value instanceof Nested nested) {
                out.put(f.name(), projectNested(nested.value().get(), f.sub() == null ? NESTED_DEFAULT : f.sub(), true));
            } else {
                if (f.sub() != null) throw ApiException.badRequest("Invalid field: " + f.name() + " is not a nested resource");
                out.put(f.name(), value);
            }
        }
        return out;
    }

    private static Object projectNested(Object value, List<String> names, boolean strict) {
        if (value == null) return null;
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) out.add(projectNested(o, names, strict));
            return out;
        }
        Rendered r = (Rendered) value;
        Map<String, Object> out = new LinkedHashMap<>();
        if (names == NESTED_DEFAULT && !r.containsKey("id")) {
            // a value object without identity (e.g. an activity description's rate): its default fields are its scalars
            for (Map.Entry<String, Object> e : r.entrySet()) {
                out.put(e.getKey(), e.getValue() instanceof Nested n ? projectNested(n.value().get(), NESTED_DEFAULT, false)
                        : e.getValue());
            }
            return out;
        }
        for (String name : names) {
            if (!r.containsKey(name)) {
                if (strict) throw ApiException.badRequest("Invalid field: " + name);
                continue;
            }
            Object v = r.get(name);
            out.put(name, v instanceof Nested n ? projectNested(n.value().get(), NESTED_DEFAULT, false) : v);
        }
        return out;
    }

    /** Every scalar field plus every nested resource with its default fields — used by the admin API. */
    public static Map<String, Object> all(Rendered full) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : full.entrySet()) {
            Object v = e.getValue();
            out.put(e.getKey(), v instanceof Nested n ? projectNested(n.value().get(), NESTED_DEFAULT, false) : v);
        }
        return out;
    }
}
