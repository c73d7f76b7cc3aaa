package com.caseclock.supportcli.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How the services' parts are merged into one bundle. */
class BundleAssemblerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mergesSectionsWithTheRequestVersionsNotesAndErrorsAndRedacts() throws Exception {
        JsonNode te = JSON.readTree("{\"service\":\"timeentry-service\",\"version\":\"1.2.3\",\"firmId\":\"f\"}");
        JsonNode cc = JSON.readTree("{\"service\":\"clio-connector\",\"version\":\"1.2.4\","
                + "\"connection\":{\"accessToken\":\"sbx-secret-value\",\"region\":\"US\"}}");
        ObjectNode error = JSON.createObjectNode().put("status", 404).put("title", "Not found");
        Instant at = Instant.parse("2026-11-29T17:40:00Z");

        ObjectNode bundle = BundleAssembler.assemble(at, "caseclock-support test",
                new BundleAssembler.Request("f", "dana", "7b0c1a52-6f0e-4a39-9d47-2a1f3f3d9b10", 200L, 100L),
                List.of(new BundleAssembler.Section("timeentry-service", "GET http://te/x", te, null),
                        new BundleAssembler.Section("clio-connector", "GET http://cc/x", cc, null),
                        new BundleAssembler.Section("matter-cache-service", "GET http://mc/x", null, error)),
                List.of("a note"), new Redactor(List.of()));

        assertThat(bundle.path("format").asText()).isEqualTo(BundleAssembler.FORMAT);
        assertThat(bundle.path("generatedAt").asText()).isEqualTo("2026-11-29T17:40:00Z");
        assertThat(bundle.at("/request/userId").asText()).isEqualTo("dana");
        assertThat(bundle.at("/request/matterId").asLong()).isEqualTo(200L);
        assertThat(bundle.at("/request/clioUserId").asLong()).isEqualTo(100L);
        assertThat(bundle.at("/versions/timeentry-service").asText()).isEqualTo("1.2.3");
        assertThat(bundle.at("/versions/clio-connector").asText()).isEqualTo("1.2.4");
        assertThat(bundle.at("/versions/matter-cache-service").isNull()).isTrue();
        assertThat(bundle.at("/sections/timeentry-service/ok").asBoolean()).isTrue();
        assertThat(bundle.at("/sections/timeentry-service/source").asText()).isEqualTo("GET http://te/x");
        assertThat(bundle.at("/sections/timeentry-service/diagnostics/firmId").asText()).isEqualTo("f");
        assertThat(bundle.at("/sections/matter-cache-service/ok").asBoolean()).isFalse();
        assertThat(bundle.at("/sections/matter-cache-service/error/status").asInt()).isEqualTo(404);
        assertThat(bundle.at("/sections/clio-connector/diagnostics/connection/region").asText()).isEqualTo("US");
        assertThat(bundle.toString()).doesNotContain("sbx-secret-value");
        assertThat(bundle.path("redactions").asInt()).isEqualTo(1);
        assertThat(bundle.at("/notes/0").asText()).isEqualTo("a note");
        assertThat(cc.at("/connection/accessToken").asText()).as("inputs untouched").isEqualTo("sbx-secret-value");
    }
}
