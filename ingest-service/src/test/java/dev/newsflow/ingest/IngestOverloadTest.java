package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.core.Json;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A burst of large requests, far more than a slow Kafka can take, against the real HTTP server: every
 * answer is 202, 429 or 503 (never a 500, never a client timeout), each comes within a bound, the live
 * heap stays bounded, and once the burst is over the backlog drains and requests are accepted again.
 */
class IngestOverloadTest {

    private static final Logger log = LoggerFactory.getLogger(IngestOverloadTest.class);

    private static final int MIB = 1024 * 1024;
    private static final int CLIENTS = 64;
    private static final long INFLIGHT_BYTES = 8L * MIB;
    private static final long BACKLOG_BYTES = 8L * MIB;
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(1);
    /** Without the bounds, the stalled phase alone keeps ~64 × 3 × 1 MiB of records and bodies alive. */
    private static final long LIVE_HEAP_GROWTH_BOUND = 96L * MIB;
    /** Generous: the machine is shared; the point is that nobody waits for a client timeout. */
    private static final Duration ANSWER_BOUND = KAFKA_TIMEOUT.plusSeconds(14);

    private final byte[] story = "All work and no play makes a story long. ".repeat(MIB / 41).getBytes();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final LongAccumulator slowestMillis = new LongAccumulator(Math::max, 0);
    private final List<String> unexpected = new ArrayList<>();
    private RoutesUnderTest routes;

    @AfterEach
    void stop() {
        if (routes != null) {
            routes.close();
        }
    }

    @Test
    void aBurstAgainstASlowKafkaIsAnsweredQuicklyWithBoundedMemoryAndDrainsAfterwards() throws Exception {
        KafkaBacklog backlog = new KafkaBacklog(BACKLOG_BYTES);
        InflightLimit inflight = new InflightLimit(INFLIGHT_BYTES, 16);
        routes = new RoutesUnderTest(false, KAFKA_TIMEOUT, 2L * MIB, inflight, backlog, InstantSource.system());
        long baseline = liveHeap();
        SlowKafka kafka = new SlowKafka();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
        HttpClient http = HttpClient.newBuilder().executor(clients).build();
        long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        List<Future<?>> senders = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            boolean chunked = i % 2 == 1;
            senders.add(clients.submit(() -> sendUntil(http, until, chunked)));
        }
        long peakGrowth = 0;
        try {
            kafka.acknowledgeFor(Duration.ofSeconds(3));
            peakGrowth = Math.max(peakGrowth, liveHeap() - baseline);
            kafka.stallFor(Duration.ofSeconds(3));
            peakGrowth = Math.max(peakGrowth, liveHeap() - baseline);
            while (senders.stream().anyMatch(f -> !f.isDone())) {
                kafka.acknowledgeFor(Duration.ofMillis(500));
                peakGrowth = Math.max(peakGrowth, liveHeap() - baseline);
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                kafka.acknowledgeFor(Duration.ofMillis(100));
                assertThat(backlog.bytes()).isZero();
            });
            CompletableFuture<HttpResponse<String>> after = http.sendAsync(routes.request("text/plain",
                    BodyPublishers.ofByteArray(story), RoutesUnderTest.KEY).build(), BodyHandlers.ofString());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                kafka.acknowledgeFor(Duration.ZERO);
                return after.isDone();
            });

            log.info("overload: answers {}, slowest {} ms, live heap growth at most {} MiB (bound {} MiB)",
                    statuses, slowestMillis.get(), peakGrowth / MIB, LIVE_HEAP_GROWTH_BOUND / MIB);
            assertThat(unexpected).isEmpty();
            assertThat(statuses.keySet()).containsExactlyInAnyOrder(202, 429, 503);
            assertThat(slowestMillis.get()).isLessThan(ANSWER_BOUND.toMillis());
            assertThat(peakGrowth).isLessThan(LIVE_HEAP_GROWTH_BOUND);
            assertThat(after.get().statusCode()).as(after.get().body()).isEqualTo(202);
            assertThat(routes.scrape())
                    .containsPattern("newsflow_ingest_articles_rejected_total\\{[^}]*reason=\"overloaded\"")
                    .containsPattern("newsflow_ingest_articles_rejected_total\\{[^}]*reason=\"kafka_backlog\"")
                    .containsPattern("newsflow_ingest_inflight_bytes\\{[^}]*} 0\\.0");
        } finally {
            clients.shutdownNow();
            kafka.acknowledgeFor(Duration.ZERO);
        }
    }

    private void sendUntil(HttpClient http, long until, boolean chunked) {
        while (System.nanoTime() < until) {
            BodyPublisher body = chunked
                    ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(story))
                    : BodyPublishers.ofByteArray(story);
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(routes.request("text/plain", body, RoutesUnderTest.KEY)
                        .timeout(ANSWER_BOUND.multipliedBy(2)).build(), BodyHandlers.ofString());
                slowestMillis.accumulate(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                check(response);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                synchronized (unexpected) {
                    unexpected.add((chunked ? "chunked: " : "") + e);
                }
            }
        }
    }

    private void check(HttpResponse<String> response) throws Exception {
        int status = response.statusCode();
        boolean refusal = status == 429 || status == 503;
        boolean wellFormed = status == 202
                || refusal && response.headers().firstValue("Retry-After").isPresent()
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && Json.mapper().readTree(response.body()).path("status").asInt() == status;
        if (!wellFormed) {
            synchronized (unexpected) {
                unexpected.add(status + " " + response.headers().map() + " " + response.body());
            }
        }
    }

    /** Live heap: what is left after a full collection, so garbage not yet collected does not count. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Plays Kafka: acknowledges what was sent every 50 ms, or nothing at all while stalled. */
    private final class SlowKafka {

        void acknowledgeFor(Duration duration) {
            long end = System.nanoTime() + duration.toNanos();
            do {
                var producer = routes.producer();
                // Holding the producer's lock, so no send slips in between acknowledging and forgetting.
                synchronized (producer) {
                    while (producer.completeNext()) {
                        // Each call acknowledges one record, oldest first.
                    }
                    producer.clear();
                }
                pause(Duration.ofMillis(50));
            } while (System.nanoTime() < end);
        }

        void stallFor(Duration duration) {
            pause(duration);
        }

        private void pause(Duration duration) {
            await().pollDelay(duration).atMost(duration.plusSeconds(1)).until(() -> true);
        }
    }
}
