package com.caseclock.cliosandbox.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request examples Clio prints in the tag descriptions of its OpenAPI document (e.g. tag "Contacts":
 * {@code Request PATCH /api/v4/contacts/1.json { data: { phone_numbers: [ … ] } }}). They are JavaScript-like (unquoted
 * keys, {@code //} comments, sometimes a missing final brace); they are read leniently. Examples that are not even lenient JSON (a missing comma, a
 * {@code {{template}}} placeholder) are reported as unparseable.
 */
final class DocumentedExamples {
    private static final Pattern BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern REQUEST = Pattern.compile("^\\s*Request\\s*\\n\\s*(GET|POST|PATCH|PUT|DELETE)\\s+(\\S+)\\s*(.*)$",
            Pattern.DOTALL);
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    /**
     * @param body the parsed body; null for GET or when {@code error} is set
     * @param error why the example could not be read, or null
     */
    record Example(String tag, String method, String url, JsonNode body, String error) {}

    private DocumentedExamples() {}

    static List<Example> fromTags(JsonNode spec, List<String> tags) {
        List<Example> out = new ArrayList<>();
        for (JsonNode tag : spec.path("tags")) {
            if (!tags.contains(tag.path("name").asText())) continue;
            Matcher blocks = BLOCK.matcher(tag.path("description").asText());
            while (blocks.find()) {
                Matcher req = REQUEST.matcher(blocks.group(1));
                if (!req.matches()) continue;
                String method = req.group(1);
                String url = req.group(2);
                String rest = req.group(3).trim();
                if (method.equals("GET") || rest.isEmpty()) {
                    out.add(new Example(tag.path("name").asText(), method, url, null, null));
                    continue;
                }
                try (JsonParser p = LENIENT.getFactory().createParser(balance(rest))) {
                    JsonNode body = LENIENT.readTree(p);
                    out.add(new Example(tag.path("name").asText(), method, url, body, null));
                } catch (Exception e) {
                    out.add(new Example(tag.path("name").asText(), method, url, null, e.getMessage().lines().findFirst().orElse("")));
                }
            }
        }
        return out;
    }

    /** Appends the closing braces/brackets some printed examples lack (their excerpt stops before the last "}"). */
    static String balance(String text) {
        StringBuilder closers = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"' && (i == 0 || text.charAt(i - 1) != '\\')) inString = !inString;
            if (inString) continue;
            if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                int nl = text.indexOf('\n', i);
                if (nl < 0) break;
                i = nl;
                continue;
            }
            if (ch == '{') closers.append('}');
            else if (ch == '[') closers.append(']');
            else if ((ch == '}' || ch == ']') && closers.length() > 0) closers.setLength(closers.length() - 1);
        }
        return text + closers.reverse();
    }
}
