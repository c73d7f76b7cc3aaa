package com.caseclock.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Tells {@code bench/run.sh} which scenario is running by writing its name to a file, so the shell's sampler can
 * attribute the services' resident memory to a scenario (footprint "under scenario 1").
 */
final class Phase {
    private final Path file;

    Phase(Path file) {
        this.file = file;
    }

    void set(String name) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, name + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
