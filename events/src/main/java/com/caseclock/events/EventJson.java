package com.caseclock.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one shared Jackson 2 {@link ObjectMapper} configuration for event payloads.
 *
 * <ul>
 *   <li>{@link java.time.Instant} as ISO-8601 UTC text ({@code "2025-03-14T15:09:26Z"}), {@link java.time.LocalDate}
 *       as {@code "2025-03-14"} (WRITE_DATES_AS_TIMESTAMPS off).</li>
 *   <li>Unknown properties are ignored on read (tolerant readers).</li>
 *   <li>Nulls are written explicitly, so every payload of a type has the same set of properties; the schemas list
 *       only non-nullable properties as required and type nullable ones as e.g. {@code ["string","null"]}.</li>
 *   <li>{@link Money#amount()} is written as a JSON string.</li>
 *   <li>Trailing content after the JSON value is rejected.</li>
 * </ul>
 */
public final class EventJson {

    private static final ObjectMapper SHARED = newMapper();

    private EventJson() {
    }

    /**
     * The shared mapper. It is thread-safe for reading and writing; do not reconfigure it (call
     * {@link ObjectMapper#copy()} first if you need a variant).
     *
     * @return the shared, pre-configured mapper
     */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /**
     * Creates a new mapper with the event configuration, for callers that must not share state.
     *
     * @return a new, independently configured mapper
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .build();
    }
}
