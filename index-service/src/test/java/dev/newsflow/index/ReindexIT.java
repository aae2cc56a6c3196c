package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A re-index builds the next versioned index from the topic and moves the alias while searches and live indexing go on. */
@ExtendWith(LocalStackExtension.class)
class ReindexIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int ARTICLES = 400;
    private static final int WITHDRAWN = 10;

    @Test
    void theAliasMovesToTheRebuiltIndexWhileSearchesKeepAnswering(StackEndpoints stack) throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ScheduledExecutorService background = Executors.newScheduledThreadPool(2);
        try (IndexFixture index = new IndexFixture(stack);
             var deadLetters = new KafkaProducer<byte[], byte[]>(IndexKafka.deadLetterProducer(index.config))) {
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < ARTICLES; i++) {
                EnrichedArticle article = IndexFixture.article("g-re-" + i, 1, "Rebuilt " + marker + " " + i,
                        "The body of article " + i + " about " + marker);
                index.send(article);
                expected.add(article.id());
            }
            for (int i = 0; i < WITHDRAWN; i++) {
                String id = IndexFixture.article("g-re-" + i, 1, "", "").id();
                index.sendTombstone(id);
                expected.remove(id);
            }
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.committed()).isEqualTo(index.ends()));
            await().atMost(PATIENCE).until(() -> total(index, marker) == expected.size());

            // Searches in a loop throughout; each must answer 200 with hits.
            AtomicInteger searches = new AtomicInteger();
            ConcurrentLinkedQueue<String> searchFailures = new ConcurrentLinkedQueue<>();
            background.scheduleWithFixedDelay(() -> {
                var response = index.get("/v1/search?size=1&q=" + marker);
                if (response.statusCode() != 200 || !response.body().contains("\"hits\":[{")) {
                    searchFailures.add(response.statusCode() + " " + response.body());
                }
                searches.incrementAndGet();
            }, 0, 50, TimeUnit.MILLISECONDS);
            // And new articles keep coming through the live indexer during the rebuild.
            ConcurrentLinkedQueue<String> live = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            background.scheduleWithFixedDelay(() -> {
                EnrichedArticle article = IndexFixture.article("g-live-" + next.getAndIncrement(), 1,
                        "Live " + marker, "Arrived during the rebuild " + marker);
                index.send(article);
                live.add(article.id());
            }, 0, 20, TimeUnit.MILLISECONDS);

            var reindexer = new Reindexer(index.es, index.admin, index.config,
                    group -> new KafkaConsumer<>(IndexKafka.consumer(index.config, group)), deadLetters,
                    new IndexerMetrics(new SimpleMeterRegistry()));
            Reindexer.Result result = reindexer.run(false);
            int searchesDuringRebuild = searches.get();
            await().atMost(PATIENCE).until(() -> searches.get() > searchesDuringRebuild + 20);
            background.shutdown();
            assertThat(background.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            String alias = index.config.alias();
            assertThat(result.from()).isEqualTo(alias + "-v1");
            assertThat(result.to()).isEqualTo(alias + "-v2");
            assertThat(IndexManager.of(index.es, index.config).aliasedIndices()).containsExactly(alias + "-v2");
            assertThat(index.es.indices().exists(e -> e.index(alias + "-v1")).value()).isTrue();
            assertThat(searchFailures).isEmpty();
            assertThat(searchesDuringRebuild).isPositive();

            // Everything the live indexer took in during the rebuild ends up in the new index too, once.
            expected.addAll(live);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.committed()).isEqualTo(index.ends()));
            index.es.indices().refresh(r -> r.index(alias));
            assertThat(index.es.count(c -> c.index(alias + "-v2")).count()).isEqualTo(expected.size());
            assertThat(total(index, marker)).isEqualTo(expected.size());
            String withdrawn = IndexFixture.article("g-re-0", 1, "", "").id();
            assertThat(index.get("/v1/articles/" + withdrawn).statusCode()).isEqualTo(404);
            // The old index takes writes again (no block left behind), so a rollback stays possible.
            assertThat(index.es.indices().getSettings(g -> g.index(alias + "-v1")).get(alias + "-v1")
                    .settings().index().blocks().write()).isNotEqualTo(Boolean.TRUE);
        } finally {
            background.shutdownNow();
        }
    }

    private static long total(IndexFixture index, String marker) {
        JsonNode result = index.getJson("/v1/search?size=1&q=" + marker);
        return result.path("total").asLong();
    }
}
