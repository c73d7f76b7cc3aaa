package com.caseclock.supportcli.bundle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Removes anything that looks like a credential from a diagnostics document before it leaves the support engineer's
 * terminal, whatever the services already did (defence in depth):
 * <ul>
 * <li>a member whose name mentions a token, secret, password, authorization, bearer, API key, private key or cookie
 * (compared without case, {@code _} or {@code -}, so {@code access_token}, {@code refreshToken} and
 * {@code client-secret} all match) loses its value, unless the value is a boolean, a number, {@code null} or an
 * ISO-8601 timestamp, which reveal nothing, or unless the name describes the credential rather than holds it (ends in
 * {@code At}, {@code Status}, {@code State}, {@code Count}, {@code Type} …, e.g. {@code tokenExpiresAt});</li>
 * <li>in every text value: JSON Web Tokens ({@code eyJ….….…}), {@code Bearer …} credentials, and
 * {@code access_token=…} / {@code "client_secret":"…"}-style parameters embedded in text (e.g. a Clio error body
 * kept as a string);</li>
 * <li>any of the given known secrets (such as the CLI's own bearer token) wherever it appears in a text value.</li>
 * </ul>
 * {@link #findings} re-checks a document with the same rules and lists what still looks like a credential.
 */
public final class Redactor {

    /** What a removed value is replaced with. */
    public static final String REDACTED = "[redacted]";

    private static final List<String> SECRET_WORDS = List.of("token", "secret", "password", "passwd", "authorization",
            "bearer", "apikey", "privatekey", "cookie", "credential", "signingkey", "encryptionkey");
    /** Names that mention a secret word but describe it rather than hold it (e.g. {@code tokenExpiresAt}). */
    private static final List<String> DESCRIPTIVE_ENDINGS = List.of("at", "status", "state", "count", "type",
            "present", "configured", "stored", "valid", "expired", "kind");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile(
            "(?i)\\b(bearer)\\s+(?!\\[redacted\\])[A-Za-z0-9._~+/=-]{6,}");
    private static final Pattern PARAMETER = Pattern.compile("(?i)\\b(access_token|refresh_token|id_token|client_secret"
            + "|api_key|password|secret|token)([\"']?\\s*[=:]\\s*[\"']?)(?!\\[redacted\\])([^&\\s\"',}\\]]+)");
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?");

    private final List<String> knownSecrets;

    /** @param knownSecrets exact values that must never appear (blank and very short values are ignored) */
    public Redactor(Collection<String> knownSecrets) {
        this.knownSecrets = knownSecrets.stream().filter(s -> s != null && s.strip().length() >= 8).toList();
    }

    /**
     * Redacts in place.
     *
     * @param node a JSON document (object, array or value inside a container)
     * @return how many values were changed
     */
    public int redact(JsonNode node) {
        int count = 0;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if (secretName(field.getKey()) && revealing(value)) {
                    field.setValue(TextNode.valueOf(REDACTED));
                    count++;
                } else if (value.isTextual()) {
                    String clean = clean(value.asText());
                    if (!clean.equals(value.asText())) {
                        field.setValue(TextNode.valueOf(clean));
                        count++;
                    }
                } else {
                    count += redact(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    String clean = clean(value.asText());
                    if (!clean.equals(value.asText())) {
                        array.set(i, TextNode.valueOf(clean));
                        count++;
                    }
                } else {
                    count += redact(value);
                }
            }
        }
        return count;
    }

    /**
     * @param node a JSON document
     * @return the JSON paths (e.g. {@code /sections/clio-connector/diagnostics/token}) of values that still look like a
     *         credential; empty after {@link #redact}
     */
    public List<String> findings(JsonNode node) {
        List<String> found = new ArrayList<>();
        find(node, "", found);
        return found;
    }

    private void find(JsonNode node, String path, List<String> found) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(f -> {
                String child = path + "/" + f.getKey();
                if (secretName(f.getKey()) && revealing(f.getValue()) && !REDACTED.equals(f.getValue().asText())) {
                    found.add(child);
                } else {
                    find(f.getValue(), child, found);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                find(array.get(i), path + "/" + i, found);
            }
        } else if (node != null && node.isTextual() && !clean(node.asText()).equals(node.asText())) {
            found.add(path);
        }
    }

    /**
     * Redacts one piece of text, e.g. an error message before it is printed: the known secrets, JWTs,
     * {@code Bearer …} credentials and {@code access_token=…}-style parameters become {@value #REDACTED}.
     *
     * @param text any text ({@code null} is returned as is)
     * @return the text with credentials replaced
     */
    public String redactText(String text) {
        return text == null ? null : clean(text);
    }

    /** @return the text with credentials replaced */
    String clean(String text) {
        String out = text;
        for (String secret : knownSecrets) {
            out = out.replace(secret, REDACTED);
        }
        out = JWT.matcher(out).replaceAll(REDACTED);
        out = BEARER.matcher(out).replaceAll("$1 " + Matcher.quoteReplacement(REDACTED));
        out = PARAMETER.matcher(out).replaceAll("$1$2" + Matcher.quoteReplacement(REDACTED));
        return out;
    }

    private static boolean secretName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return SECRET_WORDS.stream().anyMatch(n::contains)
                && DESCRIPTIVE_ENDINGS.stream().noneMatch(e -> n.endsWith(e) && !SECRET_WORDS.contains(n));
    }

    /** @return whether a secret-named member's value could disclose something */
    private static boolean revealing(JsonNode value) {
        if (value.isNull() || value.isBoolean() || value.isNumber() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            String text = value.asText();
            return !text.isEmpty() && !REDACTED.equals(text) && !INSTANT.matcher(text).matches();
        }
        return !value.isEmpty();
    }
}
