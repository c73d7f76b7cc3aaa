package com.caseclock.service.messaging;

import java.util.UUID;

import com.caseclock.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What support needs to find a failed event by, read leniently from an event's JSON payload (which may be the very
 * thing that failed to parse): firm, user, time entry and Clio matter, each {@code null} when absent or unreadable.
 * Looks at the top level and at an {@code entry} object (approval events).
 *
 * @param firmId      {@code firmId}
 * @param userId      {@code userId} or {@code entry.userId}
 * @param timeEntryId {@code timeEntryId} or {@code entry.timeEntryId}, when a UUID
 * @param matterId    {@code matterClioId} or {@code entry.matterClioId}, when a number
 */
public record EventFacts(String firmId, String userId, UUID timeEntryId, Long matterId) {

    /** No facts. */
    public static final EventFacts NONE = new EventFacts(null, null, null, null);

    /**
     * @param json an event payload, or {@code null}
     * @return what could be read; {@link #NONE} for anything that is not a JSON object
     */
    public static EventFacts of(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(json);
        } catch (java.io.IOException | RuntimeException e) {
            return NONE;
        }
        if (root == null || !root.isObject()) {
            return NONE;
        }
        JsonNode entry = root.path("entry");
        return new EventFacts(text(root.path("firmId")), text(first(root.path("userId"), entry.path("userId"))),
                uuid(text(first(root.path("timeEntryId"), entry.path("timeEntryId")))),
                number(first(root.path("matterClioId"), entry.path("matterClioId"))));
    }

    private static JsonNode first(JsonNode a, JsonNode b) {
        return a.isMissingNode() || a.isNull() ? b : a;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    private static Long number(JsonNode node) {
        return node.isIntegralNumber() ? node.asLong() : null;
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
