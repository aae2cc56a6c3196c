package dev.newsflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The folders the test stacks use: the shared download cache, and trees to delete when a run ends. */
final class TestFolders {

    private TestFolders() {
    }

    /** The cache of downloaded distributions: {@code -Dnewsflow.cache}, default {@code ~/.newsflow/cache}. */
    static Path cache() {
        return Path.of(System.getProperty("newsflow.cache", System.getProperty("user.home") + "/.newsflow/cache"));
    }

    /** Deletes {@code tree} and everything under it, deepest first; a tree that is not there is fine. */
    static void delete(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (var paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + tree, e);
        }
    }
}
