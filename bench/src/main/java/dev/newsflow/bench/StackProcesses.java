package dev.newsflow.bench;

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
            String command = p.info().commandLine().orElse("");
            if (command.contains("kafka.Kafka ")) {
                found.put("kafka", p.pid());
            } else if (command.contains("org.elasticsearch.bootstrap.Elasticsearch")) {
                found.put("elasticsearch", p.pid());
            }
        });
        return found;
    }
}
