package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.stack.LocalStack;
import dev.newsflow.stack.LocalStackExtension;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Elasticsearch dies under the indexer: nothing is committed past what it confirmed, nothing is skipped. */
@ExtendWith(LocalStackExtension.class)
class IndexOutageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void writesWaitForElasticsearchToComeBackAndAreThenIndexed(LocalStack stack) throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        // One partition, so "committed below the first unconfirmed write" is one number to check.
        try (IndexFixture index = new IndexFixture(stack.endpoints(), Map.of("NEWSFLOW_TOPIC_PARTITIONS", "1"))) {
            EnrichedArticle before = IndexFixture.article("g-before", 1, "Before " + marker, "Body");
            index.send(before);
            await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() == 1);
            TopicPartition partition = new TopicPartition(index.config.kafka().topics().enriched().name(), 0);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.committed()).containsEntry(partition, 1L));

            stack.killElasticsearch();
            try {
                index.send(IndexFixture.article("g-during-1", 1, "During one " + marker, "Body"));
                index.send(IndexFixture.article("g-during-2", 1, "During two " + marker, "Body"));
                await().atMost(PATIENCE).until(() -> index.counter("newsflow.index.bulk.retries") >= 2);
                assertThat(index.committed()).containsEntry(partition, 1L);
                assertThat(index.ends()).containsEntry(partition, 3L);
            } finally {
                stack.startElasticsearch();
            }

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.committed()).isEqualTo(index.ends()));
            await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() == 3);
            assertThat(index.counter("newsflow.index.bulk.failures")).isPositive();
        }
    }
}
