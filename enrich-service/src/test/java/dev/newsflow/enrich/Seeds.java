package dev.newsflow.enrich;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Sample pages for tests: our own, written here and kept in the test resources under {@code pages/}, and
 * the scraped pages in the shared seeds folder beside the project, which may not be copied into it; a test
 * using a shared one is skipped where that folder is absent.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A page written for these tests, from the test resources' {@code pages/} folder. */
    public static String ours(String name) {
        try (InputStream in = Seeds.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test page " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scraped page from the shared seeds; skips the calling test where the seeds are not available. */
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
