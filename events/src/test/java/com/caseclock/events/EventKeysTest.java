package com.caseclock.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The firm-id pattern services validate with is the one the event schemas enforce. */
class EventKeysTest {

    @Test
    void firmIdPatternIsTheSchemasPattern() throws Exception {
        try (InputStream in = EventKeys.class.getResourceAsStream("/schemas/common.schema.json")) {
            String pattern = new ObjectMapper().readTree(in).at("/$defs/firmId/pattern").asText();
            assertThat(EventKeys.FIRM_ID_PATTERN).isEqualTo(pattern);
        }
    }

    @Test
    void validFirmIds() {
        assertThat(EventKeys.isValidFirmId("harbor-pine")).isTrue();
        assertThat(EventKeys.isValidFirmId("a".repeat(64))).isTrue();
        assertThat(EventKeys.isValidFirmId("F1.x_y-z")).isTrue();
        for (String bad : new String[] { null, "", "a b", "a".repeat(65), "-lead", ".lead", "\uD83D\uDE00",
                "x';drop table x;--", "firm\n", "é" }) {
            assertThat(EventKeys.isValidFirmId(bad)).as(String.valueOf(bad)).isFalse();
        }
    }
}
