package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch._types.FieldValue;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.stack.LocalStack;
import dev.newsflow.stack.LocalStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Elasticsearch stopped for a minute under a steady stream of articles: nothing is committed past what
 * it confirmed, nothing is skipped or doubled, and the service answers its liveness probe throughout.
 */
@ExtendWith(LocalStackExtension.class)
class IndexOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    @Test
    void aMinuteWithoutElasticsearchDuringAStreamEndsWithEveryArticleIndexedExactlyOnce(LocalStack stack) throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // One partition, so "committed below the first unconfirmed write" is one number to check.
        try (IndexFixture index = new IndexFixture(stack.endpoints(), Map.of("NEWSFLOW_TOPIC_PARTITIONS", "1"));
             Background background = new Background()) {
            ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
            AtomicInteger probes = new AtomicInteger();
            ConcurrentLinkedQueue<String> probeFailures = new ConcurrentLinkedQueue<>();
            background.probeEvery(Duration.ofMillis(250), () -> probe(index, probes, probeFailures));
            AtomicInteger next = new AtomicInteger();
            background.streamEvery(Duration.ofMillis(100), () -> {
                EnrichedArticle article = IndexFixture.article("g-stream-" + next.getAndIncrement(), 1,
                        "Stream " + marker, "Body of a streamed article " + marker);
                index.send(article);
                sent.add(article.id());
            });
            TopicPartition partition = new TopicPartition(index.config.kafka().topics().enriched().name(), 0);
            await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() >= 10);

            long stoppedAt = System.nanoTime();
            stack.killElasticsearch();
            long committedDuringOutage;
            try {
                await().atMost(PATIENCE).until(() -> index.counter("newsflow.index.bulk.retries") >= 2);
                committedDuringOutage = index.committed().get(partition);
                await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                        .until(() -> System.nanoTime() - stoppedAt >= OUTAGE.toNanos());
                // Nothing confirmed, nothing committed, while the stream went on into the topic.
                assertThat(index.committed()).containsEntry(partition, committedDuringOutage);
                assertThat(index.ends().get(partition)).isGreaterThan(committedDuringOutage + 300);
            } finally {
                stack.startElasticsearch();
            }

            await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() > sent.size() - 50);
            background.stopStream();
            List<String> ids = List.copyOf(sent);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.committed()).isEqualTo(index.ends()));
            assertThat(index.ends().get(partition)).isEqualTo(ids.size());
            index.es.indices().refresh(r -> r.index(index.config.alias()));
            // _id is unique per index, so every id found and a total equal to the ids sent is "exactly once".
            long found = index.es.count(c -> c.index(index.config.alias()).query(q -> q.terms(t -> t.field("id")
                    .terms(v -> v.value(ids.stream().map(FieldValue::of).toList()))))).count();
            assertThat(found).isEqualTo(ids.size());
            assertThat(index.es.count(c -> c.index(index.config.alias())).count()).isEqualTo(ids.size());
            assertThat(index.counter("newsflow.index.documents", "result", "indexed")).isGreaterThanOrEqualTo(ids.size());
            assertThat(index.counter("newsflow.index.deadletters")).isZero();
            assertThat(probeFailures).isEmpty();
            assertThat(probes.get()).isGreaterThan((int) (OUTAGE.toMillis() / 250));
        }
    }

    private static void probe(IndexFixture index, AtomicInteger probes, ConcurrentLinkedQueue<String> failures) {
        try {
            int status = index.get("/health/live").statusCode();
            if (status != 200) {
                failures.add("status " + status);
            }
        } catch (RuntimeException e) {
            failures.add(e.toString());
        }
        probes.incrementAndGet();
    }

    /** The stream and the liveness probe, each on its own scheduled thread. */
    private static final class Background implements AutoCloseable {

        private final ScheduledExecutorService stream = Executors.newSingleThreadScheduledExecutor();
        private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();

        void probeEvery(Duration period, Runnable task) {
            probe.scheduleWithFixedDelay(task, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }

        void streamEvery(Duration period, Runnable task) {
            stream.scheduleWithFixedDelay(task, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }

        void stopStream() throws InterruptedException {
            stream.shutdown();
            assertThat(stream.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            stream.shutdownNow();
            probe.shutdownNow();
            probe.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
