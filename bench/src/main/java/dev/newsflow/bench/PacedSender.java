package dev.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers requests at a fixed rate, open loop: request i leaves at {@code start + i / rate} whether
 * or not earlier ones were answered (a feed does not wait for us), from a pool large enough that a
 * slow answer never holds the schedule back. Records when each article was accepted (its 202).
 */
final class PacedSender {

    private static final int WORKERS = 16;

    private final HttpLoad http = new HttpLoad();

    /**
     * Sends every request at {@code rate} per second; answers each accepted article's id with the
     * {@link System#nanoTime()} of its 202. An id sent twice (an update) keeps its first acceptance.
     */
    Map<String, Long> send(List<HttpRequest> requests, double rate) {
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < requests.size() && failure.get() == null; i++) {
                long due = start + (long) (i * 1e9 / rate);
                LockSupport.parkNanos(due - System.nanoTime());
                HttpRequest request = requests.get(i);
                pool.execute(() -> {
                    try {
                        String body = http.send(request, 202);
                        long at = System.nanoTime();
                        for (String id : ids(Json.mapper().readTree(body))) {
                            accepted.putIfAbsent(id, at);
                        }
                    } catch (IOException e) {
                        failure.compareAndSet(null, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests still unanswered after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a request failed: " + failure.get().getMessage(), failure.get());
        }
        return accepted;
    }

    /** The ids in a 202 answer: {@code {"id":…}} for one article, {@code {"items":[{"id":…}]}} for several. */
    static List<String> ids(JsonNode answer) {
        if (answer.has("id")) {
            return List.of(answer.get("id").asText());
        }
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            if (item.has("id")) {
                ids.add(item.get("id").asText());
            }
        }
        return ids;
    }
}
