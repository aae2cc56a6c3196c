package dev.newsflow.cli;

import static dev.newsflow.cli.StatusFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.DeadLetters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class StatusPrinterTest {

    @Test
    void showsTopicsLagsIndexSourcesAndServicesAligned() {
        TopicStatus raw = StatusFixtures.raw();
        GroupLag lagging = new GroupLag("newsflow-enrich", raw.name(), "STABLE", 1, ConsumerLag.of(raw, Map.of(0, 10L)));
        SourceActivity quiet = new SourceActivity("afp", 3, NOW.minus(Duration.ofHours(3)));
        StatusReport report = new StatusReport(NOW, Duration.ofHours(1), StatusFixtures.kafka(lagging),
                StatusFixtures.noDeadLetters(), StatusFixtures.index(StatusFixtures.fresh(), quiet),
                List.of(StatusFixtures.ready("ingest"),
                        new ServiceStatus("index", URI.create("http://127.0.0.1:8083"), false, "HTTP 503 - elasticsearch: down")));

        String text = print(report);

        assertThat(text).contains("Newsflow status at 2026-03-01T12:00:00.000Z")
                .contains("  TOPIC                   PARTITIONS  END OFFSETS (partition:offset)\n"
                        + "  news.articles.raw       2           0:12 1:9\n"
                        + "  news.articles.enriched  1           0:5\n")
                .contains("  newsflow-enrich  news.articles.raw  STABLE  1        11   0:2 1:9*\n")
                .contains("(* no committed offset")
                .contains("Dead letters (news.deadletter): 0\n")
                .contains("alias news -> news-v1: 42 documents")
                .contains("  reuters  40         2026-03-01T11:55:00.000Z  5m   \n".stripTrailing())
                .contains("  afp      3          2026-03-01T09:00:00.000Z  3h   QUIET")
                .contains("  index    http://127.0.0.1:8083  DOWN   HTTP 503 - elasticsearch: down")
                .contains("PROBLEM  index-service at http://127.0.0.1:8083 is not ready: HTTP 503 - elasticsearch: down")
                .contains("WARNING  source afp has sent nothing for 3h (quiet after 1h)")
                .endsWith("Status: UNHEALTHY (1 problems, 1 warnings)\n");
    }

    @Test
    void aDegradedClusterSaysSo() {
        StatusReport healthy = StatusFixtures.healthy();
        StatusReport report = new StatusReport(NOW, Duration.ofHours(1), healthy.kafka(), healthy.deadLetters(),
                healthy.index(), healthy.services(), new Redundancy(2, List.of("news.articles.raw-0"), List.of(), List.of(), 3));

        assertThat(print(report)).contains("DEGRADED 1 partitions are under-replicated (2 brokers answer): news.articles.raw-0")
                .endsWith("Status: DEGRADED (1 findings, 0 warnings)\n");
    }

    @Test
    void showsTheLatestDeadLettersAndSaysWhatIsUnreachable() {
        var headers = DeadLetters.headers("index", new IllegalArgumentException("failed to parse field [published_at]"),
                "news.articles.enriched", 3, 56);
        var record = new ConsumerRecord<>("news.deadletter", 2, 14, NOW.toEpochMilli(), TimestampType.CREATE_TIME, 5, 10,
                "abc12".getBytes(StandardCharsets.UTF_8), "{\"id\":1}".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(headers.toArray()), java.util.Optional.empty());
        DeadLetterSummary letters = new DeadLetterSummary("news.deadletter", null, 1, 1, Map.of("index", 1),
                List.of(DeadLetter.of(record)));
        StatusReport report = new StatusReport(NOW, Duration.ofHours(1), KafkaStatus.unreachable("k:9092", "no answer"),
                letters, IndexStatus.unreachable("http://es:9200", "news", "not reachable"), List.of());

        String text = print(report);

        assertThat(text).contains("Kafka k:9092: UNREACHABLE")
                .contains("Dead letters (news.deadletter): 1 (index 1), 1 not replayed")
                .contains("2@14  2026-03-01T12:00:00.000Z  index  abc12  IllegalArgumentException: failed to parse field [published_at]")
                .contains("Elasticsearch http://es:9200: UNREACHABLE")
                .contains("Services: not checked")
                .contains("Status: UNHEALTHY (2 problems, 0 warnings)");
    }

    @Test
    void aHealthyReportSaysOk() {
        assertThat(print(StatusFixtures.healthy())).endsWith("Status: OK\n");
    }

    private static String print(StatusReport report) {
        StringWriter text = new StringWriter();
        new StatusPrinter(new PrintWriter(text)).print(report);
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
