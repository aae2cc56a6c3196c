package dev.newsflow.cli;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A healthy report to vary in tests. */
final class StatusFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private StatusFixtures() {
    }

    static TopicStatus raw() {
        return new TopicStatus("news.articles.raw", true, List.of(new PartitionRange(0, 0, 12), new PartitionRange(1, 0, 9)));
    }

    static KafkaStatus kafka(GroupLag... groups) {
        return new KafkaStatus("127.0.0.1:9092", null, List.of(raw(),
                new TopicStatus("news.articles.enriched", true, List.of(new PartitionRange(0, 0, 5))),
                new TopicStatus("news.deadletter", true, List.of(new PartitionRange(0, 0, 0)))), List.of(groups));
    }

    static GroupLag caughtUp() {
        return new GroupLag("newsflow-enrich", "news.articles.raw", "STABLE", 1, ConsumerLag.of(raw(), Map.of(0, 12L, 1, 9L)));
    }

    static DeadLetterSummary noDeadLetters() {
        return new DeadLetterSummary("news.deadletter", null, 0, 0, Map.of(), List.of());
    }

    static IndexStatus index(SourceActivity... sources) {
        return new IndexStatus("http://127.0.0.1:9200", null, "green", "news", List.of("news-v1"), 42, List.of(sources));
    }

    static SourceActivity fresh() {
        return new SourceActivity("reuters", 40, NOW.minusSeconds(300));
    }

    static ServiceStatus ready(String name) {
        return new ServiceStatus(name, URI.create("http://127.0.0.1:8081"), true, null);
    }

    static StatusReport healthy() {
        return new StatusReport(NOW, Duration.ofHours(1), kafka(caughtUp()), noDeadLetters(), index(fresh()),
                List.of(ready("ingest")));
    }
}
