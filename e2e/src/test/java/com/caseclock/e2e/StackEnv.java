package com.caseclock.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code stack.env} that run-local.sh writes: shell assignments {@code NAME='value'} (values never contain a
 * single quote), comments and blank lines.
 */
final class StackEnv {

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z_][A-Z0-9_]*)='([^']*)'");

    private StackEnv() {
    }

    /**
     * @return name → value, in file order
     * @throws IllegalStateException on a line that is neither a comment nor an assignment
     */
    static Map<String, String> parse(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                Matcher m = ASSIGNMENT.matcher(trimmed);
                if (!m.matches()) {
                    throw new IllegalStateException("unexpected line in " + file + ": " + trimmed);
                }
                values.put(m.group(1), m.group(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(values);
    }
}
