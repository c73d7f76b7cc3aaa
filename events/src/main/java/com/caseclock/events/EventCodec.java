package com.caseclock.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serialises event records to JSON and back, validating every payload against the JSON Schema (draft 2020-12) of
 * its {@link EventType} in both directions.
 *
 * <p>Thread-safe; schemas are compiled once per instance (eagerly, in the constructor) and reused. Use
 * {@link #shared()} unless you need an independent instance.
 *
 * <p>Unknown extra properties are accepted and ignored (tolerant readers). Every problem is reported as an
 * {@link InvalidEventException} whose {@link InvalidEventException#violations()} lists each schema violation as
 * {@code "<json path>: <problem>"}, e.g. {@code "$.entry.durationSeconds: must have a minimum value of 1"}.
 */
public final class EventCodec {

    /** Prefix of every schema {@code $id}; mapped to the classpath folder {@code /schemas/}. */
    public static final String SCHEMA_ID_PREFIX = "https://caseclock.example/schemas/";

    private static final EventCodec SHARED = new EventCodec();

    private final ObjectMapper mapper = EventJson.newMapper();
    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    /**
     * Creates a codec and compiles the schema of every {@link EventType}.
     *
     * @throws IllegalStateException if a schema resource is missing or is not a valid schema (a packaging bug)
     */
    public EventCodec() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(config)
                .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_ID_PREFIX, "classpath:schemas/")));
        for (EventType type : EventType.values()) {
            try {
                Schema schema = registry.getSchema(SchemaLocation.of(type.schemaId()));
                schema.initializeValidators();
                schemas.put(type, schema);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot load JSON Schema " + type.schemaResource() + " for " + type.ceType(), e);
            }
        }
    }

    /**
     * The shared instance.
     *
     * @return a process-wide codec
     */
    public static EventCodec shared() {
        return SHARED;
    }

    /**
     * Serialises an event to JSON and validates the result against the schema of {@link DomainEvent#type()}.
     *
     * @param event the event, not {@code null}
     * @return the JSON text (UTF-8 when written as bytes), with {@code null} fields written explicitly
     * @throws InvalidEventException if the event violates its own schema (a bug in the producer)
     * @throws NullPointerException  if {@code event} is {@code null}
     */
    public String encode(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        EventType type = event.type();
        String json;
        try {
            json = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("cannot serialise " + type.ceType() + ": " + e.getOriginalMessage(), e);
        }
        validate(json, type);
        return json;
    }

    /**
     * Serialises an event that this codec already validated (one decoded from a received record), without validating
     * it again: for storing a received event as it came. Use {@link #encode} for events the service builds itself.
     *
     * @param event an event returned by one of the {@code decode} methods
     * @return the JSON text
     * @throws InvalidEventException if the event cannot be serialised
     */
    public String encodeDecoded(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("cannot serialise " + event.type().ceType() + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Maps a payload this service validated when it received it and then stored (e.g. a posting job's event), without
     * running the schema again. Payloads from outside the service go through {@link #decode(String, String)}.
     *
     * @param json   the stored JSON text
     * @param ceType the CloudEvents type it was received with
     * @return the record
     * @throws InvalidEventException if {@code ceType} is unknown or the text cannot be mapped
     */
    public DomainEvent decodeStored(String json, String ceType) {
        EventType type = EventType.byCeType(ceType)
                .orElseThrow(() -> new InvalidEventException("unknown CloudEvents type: " + ceType));
        try {
            return mapper.readValue(json, type.payloadClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("cannot map stored " + type.ceType() + " payload: " + e.getMessage(), e);
        }
    }

    /**
     * Parses, validates and maps a payload whose record class is known.
     *
     * @param json the JSON text
     * @param type the record class, one of {@link EventType#payloadClass()}
     * @param <T>  the record type
     * @return the record
     * @throws InvalidEventException    if the text is not valid JSON or violates the schema
     * @throws IllegalArgumentException if {@code type} is not a catalogued payload class
     */
    public <T extends DomainEvent> T decode(String json, Class<T> type) {
        EventType eventType = EventType.byPayloadClass(type)
                .orElseThrow(() -> new IllegalArgumentException("not an event payload class: " + type));
        return type.cast(decode(json, eventType));
    }

    /**
     * Parses, validates and maps a payload of a known event type.
     *
     * @param json the JSON text
     * @param type the event type, not {@code null}
     * @return the record, an instance of {@code type.payloadClass()}
     * @throws InvalidEventException if the text is not valid JSON ("not valid JSON: ...") or violates the schema
     */
    public DomainEvent decode(String json, EventType type) {
        Objects.requireNonNull(type, "type");
        JsonNode tree = parse(json, type);
        validate(json, type);
        try {
            return mapper.treeToValue(tree, type.payloadClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("cannot map " + type.ceType() + " payload: " + e.getMessage(), e);
        }
    }

    /**
     * Parses, validates and maps a payload given its CloudEvents type (the {@code ce_type} header).
     *
     * @param json   the JSON text
     * @param ceType the CloudEvents type, e.g. {@code "com.caseclock.clio.matter.changed.v1"}
     * @return the record
     * @throws InvalidEventException if {@code ceType} is {@code null} or unknown, the text is not valid JSON, or it
     *                               violates the schema
     */
    public DomainEvent decode(String json, String ceType) {
        EventType type = EventType.byCeType(ceType)
                .orElseThrow(() -> new InvalidEventException("unknown CloudEvents type: " + ceType));
        return decode(json, type);
    }

    /**
     * Validates JSON text against the schema of an event type without mapping it.
     *
     * @param json the JSON text
     * @param type the event type, not {@code null}
     * @throws InvalidEventException if the text is not valid JSON or violates the schema
     */
    public void validate(String json, EventType type) {
        Objects.requireNonNull(type, "type");
        parse(json, type);
        List<Error> errors;
        try {
            errors = schemas.get(type).validate(json, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new InvalidEventException("not valid JSON: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            List<String> violations = errors.stream().map(EventCodec::describe).sorted().distinct().toList();
            throw new InvalidEventException(type.ceType() + " payload violates its schema: " + String.join("; ", violations),
                    violations, null);
        }
    }

    private JsonNode parse(String json, EventType type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("not valid JSON: empty payload for " + type.ceType());
        }
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidEventException("not valid JSON: empty payload for " + type.ceType());
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidEventException("not valid JSON: " + e.getOriginalMessage() + where, e);
        }
    }

    private static String describe(Error error) {
        String message = error.getMessage();
        String location = String.valueOf(error.getInstanceLocation());
        return message.startsWith(location) ? message : location + ": " + message;
    }
}
