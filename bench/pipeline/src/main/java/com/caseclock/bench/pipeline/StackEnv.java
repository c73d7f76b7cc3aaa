package com.caseclock.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The addresses of a running stack, read from the {@code stack.env} file that {@code ./run-local.sh} writes when every
 * process is ready ({@code KEY='value'} lines; comments ignored).
 */
final class StackEnv {
    private final Map<String, String> values;

    private StackEnv(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param file the stack.env file
     * @return its assignments
     * @throws IOException when it cannot be read
     */
    static StackEnv read(Path file) throws IOException {
        Map<String, String> v = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            line = line.strip();
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq < 1) continue;
            String value = line.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            v.put(line.substring(0, eq), value);
        }
        return new StackEnv(v);
    }

    /**
     * @param key a variable name, e.g. {@code TIMEENTRY_URL}
     * @return its value
     * @throws IllegalStateException when the file does not set it
     */
    String get(String key) {
        String v = values.get(key);
        if (v == null) throw new IllegalStateException("stack.env has no " + key);
        return v;
    }
}
