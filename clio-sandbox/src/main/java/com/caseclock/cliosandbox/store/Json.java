package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.render.Formats;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Small helpers to read Clio write bodies ({@code {"data":{…}}}, SPEC request bodies {@code required: ["data"]}). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The {@code data} object of a write body; a body without {@code data} is taken as the data itself (admin API). */
    public static JsonNode data(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) throw ApiException.badRequest("Missing request body");
        JsonNode d = body.has("data") ? body.get("data") : body;
        if (!d.isObject()) throw ApiException.badRequest("data must be an object");
        return d;
    }

    public static boolean has(JsonNode n, String f) {
        return n.has(f);
    }

    public static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static BigDecimal decimal(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.decimalValue();
        String s = v.asText().trim();
        try {
            if (s.contains("/")) { // contingency fractions such as "1/3"
                String[] p = s.split("/");
                return new BigDecimal(p[0].trim()).multiply(BigDecimal.valueOf(100))
                        .divide(new BigDecimal(p[1].trim()), 4, java.math.RoundingMode.HALF_UP);
            }
            return new BigDecimal(s);
        } catch (RuntimeException e) {
            throw ApiException.unprocessable(f + " must be a number");
        }
    }

    public static Boolean bool(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.booleanValue();
        return Boolean.parseBoolean(v.asText());
    }

    public static LocalDate date(JsonNode n, String f) {
        return Formats.parseDate(text(n, f), f);
    }

    /** Reads {@code f{id}} (nested reference) or a bare id; null when absent or null. */
    public static Long ref(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return null;
        if (v.isObject()) {
            JsonNode id = v.get("id");
            return id == null || id.isNull() ? null : id.asLong();
        }
        return v.asLong();
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
