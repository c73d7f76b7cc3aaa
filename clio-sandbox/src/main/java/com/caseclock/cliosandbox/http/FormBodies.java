package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a Rails-style form body ({@code data[description]=x&data[client][id]=5&data[events][]=created}) into the JSON
 * structure Clio accepts as {@code application/json} (SPEC request bodies accept JSON, form-urlencoded and multipart).
 */
public final class FormBodies {
    private FormBodies() {}

    public static JsonNode toJson(MultiMap form) {
        ObjectNode root = Json.object();
        for (Map.Entry<String, String> e : form.entries()) {
            List<String> keys = keys(e.getKey());
            ObjectNode node = root;
            for (int i = 0; i < keys.size() - 1; i++) {
                String k = keys.get(i);
                if (keys.get(i + 1).isEmpty()) {
                    JsonNode arr = node.get(k);
                    if (!(arr instanceof ArrayNode)) arr = node.putArray(k);
                    ((ArrayNode) arr).add(e.getValue());
                    node = null;
                    break;
                }
                JsonNode child = node.get(k);
                if (!(child instanceof ObjectNode)) child = node.putObject(k);
                node = (ObjectNode) child;
            }
            if (node != null) node.put(keys.get(keys.size() - 1), e.getValue());
        }
        return root;
    }

    private static List<String> keys(String name) {
        List<String> keys = new ArrayList<>();
        int b = name.indexOf('[');
        if (b < 0) {
            keys.add(name);
            return keys;
        }
        keys.add(name.substring(0, b));
        while (b >= 0) {
            int c = name.indexOf(']', b);
            if (c < 0) break;
            keys.add(name.substring(b + 1, c));
            b = name.indexOf('[', c);
        }
        return keys;
    }
}
