package com.caseclock.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExampleRoundTripTest {

    private final EventCodec codec = EventCodec.shared();
    private final ObjectMapper mapper = EventJson.mapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeHasASchemaAndAnExample(EventType type) throws Exception {
        assertThat(EventType.class.getResource(type.schemaResource())).as("schema %s", type.schemaResource()).isNotNull();
        assertThat(EventType.class.getResource(Examples.examplePath(type))).as("example for %s", type).isNotNull();

        JsonNode schema = mapper.readTree(Examples.resource(type.schemaResource()));
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo("https://caseclock.example/schemas/" + type.ceType() + ".schema.json");
        assertThat(schema.path("title").asText()).isEqualTo(type.payloadClass().getSimpleName());
        assertThat(schema.path("description").asText()).isNotBlank();
        assertThat(schema.path("properties").path("schemaVersion").path("$ref").asText()).endsWith("schemaVersion1");
        assertThat(schema.has("additionalProperties")).as("top level must stay open for tolerant readers").isFalse();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaPropertiesMatchRecordComponents(EventType type) throws Exception {
        JsonNode schema = mapper.readTree(Examples.resource(type.schemaResource()));
        var components = java.util.Arrays.stream(type.payloadClass().getRecordComponents()).map(c -> c.getName()).toList();
        var properties = new java.util.ArrayList<String>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsExactlyElementsOf(components);
        assertThat(components).startsWith("eventId", "firmId", "occurredAt", "schemaVersion");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleValidatesAgainstItsSchema(EventType type) {
        assertThatCode(() -> codec.validate(Examples.validExample(type), type)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleRoundTripsThroughTheRecord(EventType type) throws Exception {
        String example = Examples.validExample(type);

        DomainEvent event = codec.decode(example, type);
        assertThat(event).isInstanceOf(type.payloadClass());
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.schemaVersion()).isEqualTo(1);

        String encoded = codec.encode(event);
        assertThat(mapper.readTree(encoded)).isEqualTo(mapper.readTree(example));
        assertThat(codec.decode(encoded, type)).isEqualTo(event);
        assertThat(codec.decode(encoded, type.ceType())).isEqualTo(event);
        assertThat(codec.decode(encoded, type.payloadClass())).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void exampleHasKeyAndSubject(EventType type) {
        DomainEvent event = codec.decode(Examples.validExample(type), type);
        assertThat(event.kafkaKey()).isNotBlank();
        assertThat(event.subject()).isNotBlank();
        assertThat(event.firmId()).isEqualTo("obrien-mueller");
    }
}
