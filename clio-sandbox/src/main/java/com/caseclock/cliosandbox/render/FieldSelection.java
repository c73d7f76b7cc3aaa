package com.caseclock.cliosandbox.render;

import com.caseclock.cliosandbox.http.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code fields} parameter, e.g. {@code id,etag,client{id,name}}. Only one level of braces is allowed; a
 * deeper level is a 400. Without the parameter only {@code id} and {@code etag} are returned.
 * Source: https://docs.developers.clio.com/api-docs/fields .
 */
public record FieldSelection(List<Field> fields) {

    /** One requested field; {@code sub} is null when no braces were given. */
    public record Field(String name, List<String> sub) {}

    /** The default selection: {@code id,etag}. */
    public static final FieldSelection DEFAULT = new FieldSelection(List.of(new Field("id", null), new Field("etag", null)));

    /**
     * Parses a {@code fields} value; null or blank gives {@link #DEFAULT}.
     *
     * @throws ApiException 400 on a second level of braces or unbalanced braces
     */
    public static FieldSelection parse(String value) {
        if (value == null || value.isBlank()) return DEFAULT;
        List<Field> result = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            int start = i;
            while (i < n && value.charAt(i) != ',' && value.charAt(i) != '{') {
                if (value.charAt(i) == '}') throw ApiException.badRequest("Invalid fields parameter: unbalanced braces");
                i++;
            }
            String name = value.substring(start, i).trim();
            List<String> sub = null;
            if (i < n && value.charAt(i) == '{') {
                int close = value.indexOf('}', i);
                if (close < 0) throw ApiException.badRequest("Invalid fields parameter: unbalanced braces");
                String inner = value.substring(i + 1, close);
                if (inner.indexOf('{') >= 0) {
                    throw ApiException.badRequest("Invalid fields parameter: only one level of nesting is allowed");
                }
                sub = new ArrayList<>();
                for (String s : inner.split(",")) {
                    if (!s.isBlank()) sub.add(s.trim());
                }
                i = close + 1;
            }
            if (!name.isEmpty()) result.add(new Field(name, sub));
            else if (sub != null) throw ApiException.badRequest("Invalid fields parameter");
            if (i < n && value.charAt(i) == ',') i++;
            else if (i < n) throw ApiException.badRequest("Invalid fields parameter near position " + i);
        }
        return result.isEmpty() ? DEFAULT : new FieldSelection(List.copyOf(result));
    }
}
