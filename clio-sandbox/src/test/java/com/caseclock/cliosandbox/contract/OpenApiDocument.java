package com.caseclock.cliosandbox.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clio's OpenAPI 3.0 document ({@code shared/clio/openapi.json}, never copied into the repository) turned into JSON
 * Schemas that networknt's validator understands:
 * <ul>
 *   <li>{@code #/components/schemas/X} references become {@code #/$defs/X}, and only the schemas reachable from the
 *       one being validated are copied;</li>
 *   <li>OpenAPI's {@code nullable: true} becomes a {@code null} alternative. Clio's document marks nothing nullable, yet
 *       Clio returns {@code null} for unset attributes (e.g. {@code close_date} of an open matter) [inf]; so attributes
 *       inside records are treated as nullable. The top-level {@code data} envelope stays non-null and required.</li>
 * </ul>
 * Located via the system property {@code clio.openapi}, else by walking up from the module directory to
 * {@code shared/clio/openapi.json}.
 */
final class OpenApiDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile Optional<OpenApiDocument> cached;

    final Path path;
    final JsonNode root;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiDocument(Path path) throws IOException {
        this.path = path;
        this.root = MAPPER.readTree(path.toFile());
    }

    /** The document, or empty when it cannot be found on this machine. */
    static synchronized Optional<OpenApiDocument> load() {
        if (cached == null) {
            cached = locate().map(p -> {
                try {
                    return new OpenApiDocument(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return cached;
    }

    static Optional<Path> locate() {
        String explicit = System.getProperty("clio.openapi");
        if (explicit != null) return Optional.of(Path.of(explicit)).filter(Files::isRegularFile);
        String start = System.getProperty("clio.sandbox.module.dir", System.getProperty("user.dir"));
        for (Path dir = Path.of(start).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/clio/openapi.json");
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** Directory of the documented examples next to the document ({@code shared/clio/examples}). */
    Path examplesDir() {
        return path.getParent().resolve("examples");
    }

    /** {@code paths[specPath][method].responses[status]} schema reference name, e.g. {@code Matter_List}; null if none. */
    String responseSchemaName(String specPath, String method, int status) {
        JsonNode resp = root.path("paths").path(specPath).path(method.toLowerCase()).path("responses").path(Integer.toString(status));
        if (resp.isMissingNode()) throw new AssertionError("spec has no response " + status + " for " + method + " " + specPath);
        for (JsonNode media : resp.path("content")) {
            String ref = media.path("schema").path("$ref").asText(null);
            if (ref != null) return ref.substring(ref.lastIndexOf('/') + 1);
        }
        return null;
    }

    /** Validates a response body against a component schema; returns the error messages. */
    List<String> validateComponent(String name, String json) {
        Schema schema = schemas.computeIfAbsent("c:" + name, k -> build(
                JsonNodeFactory.instance.objectNode().put("$ref", "#/components/schemas/" + name), true));
        return messages(schema.validate(json, InputFormat.JSON));
    }

    /** Validates a request body against the operation's {@code application/json} request schema. */
    List<String> validateRequest(String specPath, String method, String json) {
        JsonNode s = root.path("paths").path(specPath).path(method.toLowerCase()).path("requestBody").path("content")
                .path("application/json").path("schema");
        if (s.isMissingNode()) throw new AssertionError("no request schema for " + method + " " + specPath);
        Schema schema = schemas.computeIfAbsent("r:" + method + specPath, k -> build(s, false));
        return messages(schema.validate(json, InputFormat.JSON));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private Schema build(JsonNode entry, boolean relaxNulls) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        ObjectNode top = rewrite(entry.deepCopy(), false, relaxNulls, true);
        doc.setAll(top);
        ObjectNode defs = doc.putObject("$defs");
        Set<String> done = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(refs(entry));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!done.add(name)) continue;
            JsonNode component = root.path("components").path("schemas").path(name);
            if (component.isMissingNode()) throw new AssertionError("unknown schema " + name);
            boolean envelope = name.endsWith("_Show") || name.endsWith("_List");
            defs.set(name, rewrite(component.deepCopy(), false, relaxNulls, envelope));
            todo.addAll(refs(component));
        }
        return registry.getSchema(doc.toString(), InputFormat.JSON);
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
                out.add(ref.asText().substring("#/components/schemas/".length()));
            }
            node.forEach(child -> collect(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        }
    }

    /**
     * Rewrites refs and nullability.
     *
     * @param nullable   this schema's value may be null
     * @param envelope   this is a {@code *_Show}/{@code *_List} envelope: its {@code data} stays non-null
     */
    private ObjectNode rewrite(ObjectNode node, boolean nullable, boolean relaxNulls, boolean envelope) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual()) {
            node.put("$ref", ref.asText().replace("#/components/schemas/", "#/$defs/"));
        }
        boolean isNullable = (relaxNulls && nullable) || node.path("nullable").asBoolean(false);
        node.remove("nullable");
        node.remove("example");
        JsonNode props = node.get("properties");
        if (props instanceof ObjectNode po) {
            Iterator<Map.Entry<String, JsonNode>> it = po.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue() instanceof ObjectNode child) {
                    boolean childNullable = !(envelope && e.getKey().equals("data"));
                    e.setValue(rewrite(child, childNullable, relaxNulls, false));
                }
            }
        }
        if (node.get("items") instanceof ObjectNode items) node.set("items", rewrite(items, false, relaxNulls, false));
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            if (node.get(combinator) instanceof ArrayNode arr) {
                for (int i = 0; i < arr.size(); i++) {
                    if (arr.get(i) instanceof ObjectNode member) arr.set(i, rewrite(member, false, relaxNulls, envelope));
                }
            }
        }
        if (!isNullable) return node;
        if (node.has("$ref") || node.has("allOf")) {
            ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
            ArrayNode any = wrapper.putArray("anyOf");
            any.addObject().put("type", "null");
            any.add(node);
            return wrapper;
        }
        JsonNode type = node.get("type");
        if (type != null && type.isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(type.asText()).add("null");
            node.set("type", types);
        }
        if (node.get("enum") instanceof ArrayNode en) en.addNull();
        return node;
    }
}
