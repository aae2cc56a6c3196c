package dev.newsflow.enrich;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shared sample pages in {@code /work/shared/seeds}; a test using one is skipped where they are absent. */
public final class Seeds {

    private Seeds() {
    }

    public static String read(String name) {
        Path file = Stream.of(Path.of("../../shared/seeds", name), Path.of("../shared/seeds", name))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
        assumeTrue(file != null, "seed " + name + " is not available here");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
