package dev.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes when each article first becomes searchable: every {@value #POLL_MILLIS} ms it asks
 * Elasticsearch (through the alias searches use) for the ids of the watched sources indexed in the
 * last few seconds, and records the first time each id answers. So a latency it yields is what a
 * reader sees, refresh included, to within one poll interval.
 */
final class SearchableWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchableWatcher.class);
    static final long POLL_MILLIS = 100;
    /**
     * Only recently indexed documents are asked for, so each poll stays small; a document becomes
     * visible at the next refresh (1 s) after its bulk request, far within this window.
     */
    private static final String WINDOW = "now-20s";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI search;
    private final String sources;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    SearchableWatcher(String elasticsearchUrl, String alias, Iterable<String> sources) {
        this.search = URI.create(elasticsearchUrl + "/" + alias + "/_search?filter_path=hits.hits._id");
        StringBuilder list = new StringBuilder();
        for (String source : sources) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(source).append('"');
        }
        this.sources = list.toString();
        this.thread = new Thread(this::poll, "searchable-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** When each id was first seen ({@link System#nanoTime()}). */
    Map<String, Long> firstSeen() {
        return firstSeen;
    }

    private void poll() {
        String body = "{\"size\":10000,\"_source\":false,\"query\":{\"bool\":{\"filter\":["
                + "{\"terms\":{\"source\":[" + sources + "]}},"
                + "{\"range\":{\"indexed_at\":{\"gte\":\"" + WINDOW + "\"}}}]}}}";
        HttpRequest request = HttpRequest.newBuilder(search).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        while (running) {
            long due = System.nanoTime() + POLL_MILLIS * 1_000_000;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                if (response.statusCode() == 200) {
                    for (JsonNode hit : Json.mapper().readTree(response.body()).path("hits").path("hits")) {
                        firstSeen.putIfAbsent(hit.path("_id").asText(), now);
                    }
                } else if (response.statusCode() != 404) {
                    // 404 until the index service has created the index; anything else is worth a line.
                    log.warn("watching searches answered {}: {}", response.statusCode(), response.body());
                }
            } catch (IOException e) {
                log.warn("watching searches failed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            LockSupport.parkNanos(Math.max(0, due - System.nanoTime()));
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
