package dev.newsflow.enrich.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * CPU time of {@link PageExtractor} per page over an extraction dev set (pages.ndjson.gz, one JSON
 * object with "html" a line), after two warm-up rounds. CPU time of the calling thread, not wall
 * time, so other work on a shared machine does not count. A tool, not a test: run it from the
 * repository root after {@code ./mvnw -q -o -pl enrich-service package -DskipTests} with
 * {@code java -cp "enrich-service/target/test-classes:enrich-service/target/classes:enrich-service/target/lib/*"
 * dev.newsflow.enrich.extract.ExtractionCost ../shared/data/extraction-dev/pages.ndjson.gz}.
 */
public final class ExtractionCost {

    private ExtractionCost() {
    }

    public static void main(String[] args) throws IOException {
        List<String> pages = read(Path.of(args[0]));
        PageExtractor extractor = new PageExtractor();
        for (int round = 0; round < 2; round++) {
            pages.forEach(extractor::extract);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> ms = new ArrayList<>();
        for (String page : pages) {
            long start = threads.getCurrentThreadCpuTime();
            extractor.extract(page);
            ms.add((threads.getCurrentThreadCpuTime() - start) / 1e6);
        }
        Collections.sort(ms);
        double mean = ms.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("%d pages: median %.1f ms, mean %.1f ms, p90 %.1f ms, max %.1f ms CPU per page%n",
                ms.size(), ms.get(ms.size() / 2), mean, ms.get(ms.size() * 9 / 10), ms.getLast());
    }

    private static List<String> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> pages = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    pages.add(json.readTree(line).get("html").asText());
                }
            }
        }
        return pages;
    }
}
