package com.caseclock.connector.support;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.caseclock.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Removes tokens and secrets from text that leaves the connector for support (Clio's error bodies in dead letters,
 * diagnostics): JSON members whose name mentions a token, secret, password or authorization get the value
 * {@value #REDACTED}; in plain text, {@code Bearer …} credentials and {@code access_token=…}-style parameters are
 * replaced. The result is cut to {@value #MAX_CHARS} characters.
 */
public final class Redactor {

    /** What a removed value is replaced with. */
    public static final String REDACTED = "[redacted]";
    /** Longest text kept. */
    public static final int MAX_CHARS = 2000;

    private static final Pattern BEARER = Pattern.compile("(?i)(bearer)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)((?:access_token|refresh_token|id_token|client_secret|code|token|secret|password)[\"']?\\s*[=:]\\s*[\"']?)"
                    + "[^&\\s\"',}]+");

    private Redactor() {
    }

    /**
     * @param text a response body or message, JSON or not; may be {@code null}
     * @return the text without tokens or secrets, at most {@value #MAX_CHARS} characters, or {@code null}
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode node = EventJson.mapper().readTree(trimmed);
                scrub(node);
                out = EventJson.mapper().writeValueAsString(node);
            } catch (java.io.IOException | RuntimeException notJson) {
                out = text;
            }
        }
        out = BEARER.matcher(out).replaceAll("$1 " + REDACTED);
        out = PARAMETER.matcher(out).replaceAll("$1" + REDACTED);
        return out.length() <= MAX_CHARS ? out : out.substring(0, MAX_CHARS) + "…";
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (secretName(field.getKey()) && !field.getValue().isContainerNode()) {
                    field.setValue(TextNode.valueOf(REDACTED));
                } else {
                    scrub(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Redactor::scrub);
        }
    }

    private static boolean secretName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("token") || n.contains("secret") || n.contains("password") || n.contains("authorization")
                || n.equals("code") || n.equals("api_key");
    }
}
