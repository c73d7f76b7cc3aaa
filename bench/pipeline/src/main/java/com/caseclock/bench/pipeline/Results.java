package com.caseclock.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends measured rows to a JSON-lines file (one {@link Row} per line) as soon as they are measured, so a scenario
 * that fails later does not lose the figures already taken; {@link Report} turns the file into the table.
 */
final class Results {
    private final Path file;

    Results(Path file) {
        this.file = file;
    }

    synchronized void add(Row row) {
        try {
            Files.writeString(file, Api.JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (row.id().startsWith("why.")) {
            System.out.println("  (" + row.id().substring(4) + ": " + row.note() + ")");
            return;
        }
        System.out.printf("  %-22s %-52s %s %s%n", row.scenario(), row.figure(),
                row.value() == null ? "not measured" : Report.num(row.value()), row.unit());
    }
}
