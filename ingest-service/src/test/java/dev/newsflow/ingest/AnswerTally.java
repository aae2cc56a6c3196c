package dev.newsflow.ingest;

import dev.newsflow.core.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.IntFunction;

/**
 * What the clients of a load test were answered: how often each status, the slowest answer, and
 * everything unexpected (an exception instead of an answer, or an answer the test's check refused).
 */
final class AnswerTally {

    /** Looks at one answer; throwing marks it unexpected. */
    interface Check {
        void accept(HttpResponse<String> response) throws Exception;
    }

    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();

    /** Starts {@code count} clients on the pool, client {@code i} running {@code client.apply(i)}. */
    static List<Future<?>> startClients(ExecutorService pool, int count, IntFunction<Runnable> client) {
        List<Future<?>> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clients.add(pool.submit(client.apply(i)));
        }
        return clients;
    }

    /** Sends one request after another until the deadline (a {@link System#nanoTime()}), checking each answer. */
    void sendUntil(long deadlineNanos, Callable<HttpResponse<String>> send, Check check) {
        while (System.nanoTime() < deadlineNanos) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = send.call();
                slowestMillis.accumulate(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                check.accept(response);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                unexpected.add(e.toString());
            }
        }
    }

    /** @throws IllegalStateException unless the answer is a 429 or 503 problem with Retry-After */
    static void requireRefusalWithRetryAfter(HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        boolean refusal = (status == 429 || status == 503)
                && response.headers().firstValue("Retry-After").isPresent()
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && Json.mapper().readTree(response.body()).path("status").asInt() == status;
        if (!refusal) {
            throw new IllegalStateException(status + " " + response.headers().map() + " " + response.body());
        }
    }

    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    long slowestMillis() {
        return slowestMillis.get();
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }
}
