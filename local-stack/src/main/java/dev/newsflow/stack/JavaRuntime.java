package dev.newsflow.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** The JDK the servers run on: the one running this code, which must be 21 or newer. */
final class JavaRuntime {

    static final int MINIMUM = 21;

    private JavaRuntime() {
    }

    static Path home() {
        int version = Runtime.version().feature();
        if (version < MINIMUM) {
            throw new StackStartException("Kafka and Elasticsearch need a JDK " + MINIMUM + " or newer, but this is Java "
                    + version + " (" + System.getProperty("java.home") + "). Set JAVA_HOME to a newer JDK; "
                    + "./newsflow and the build (./mvnw) look for one under /usr/lib/jvm.");
        }
        return Path.of(System.getProperty("java.home"));
    }

    static String javaExecutable() {
        Path java = home().resolve("bin/java");
        if (!Files.isExecutable(java)) {
            throw new StackStartException("no java executable at " + java);
        }
        return java.toString();
    }
}
