package dev.newsflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka broker and Elasticsearch node among this JVM's child processes, found by their main
 * class, so their CPU and memory can stand beside the services'. A stack started elsewhere is not
 * ours to measure, and then this finds nothing.
 */
final class StackProcesses {

    private StackProcesses() {
    }

    /** Process name → pid, for those found. */
    static Map<String, Long> find() {
        Map<String, Long> found = new LinkedHashMap<>();
        ProcessHandle.current().descendants().forEach(p -> {
            String command = commandLine(p.pid());
            if (command.contains(" kafka.Kafka ")) {
                found.put("kafka", p.pid());
            } else if (command.contains("org.elasticsearch.bootstrap.Elasticsearch")) {
                found.put("elasticsearch", p.pid());
            }
        });
        return found;
    }

    /**
     * The process's arguments from {@code /proc/PID/cmdline}, joined by spaces. Read directly because
     * {@link ProcessHandle.Info#commandLine()} comes back empty for the broker, whose class path runs
     * to tens of kilobytes.
     */
    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            // The process ended since it was listed: it is not one to measure.
            return "";
        }
    }
}
