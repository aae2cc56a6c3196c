package dev.newsflow.cli;

import static dev.newsflow.cli.StackFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.newsflow.core.DeadLetters;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class StatusIT {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final StackFixture fixture;

    StatusIT(StackEndpoints stack) {
        fixture = new StackFixture(stack);
    }

    @BeforeEach
    void pipelineWithLagADeadLetterAndTwoSources() throws Exception {
        fixture.createTopics();
        String raw = fixture.prefix + "news.articles.raw";
        fixture.send(List.of(
                record(raw, 0, "a1", "{}", new RecordHeaders()),
                record(raw, 0, "a2", "{}", new RecordHeaders()),
                record(raw, 0, "a3", "{}", new RecordHeaders()),
                record(raw, 1, "a4", "{}", new RecordHeaders()),
                record(fixture.prefix + "news.deadletter", 0, "a9", "{\"title\":\"Refused\"}",
                        DeadLetters.headers("index", new IllegalArgumentException("failed to parse field [published_at]"),
                                fixture.prefix + "news.articles.enriched", 1, 17))));
        fixture.commit(fixture.enrichGroup, Map.of(new TopicPartition(raw, 0), 1L, new TopicPartition(raw, 1), 1L));
        // Two records and the transaction's commit marker: offsets 0..2, end offset 3. Committing 2 means caught up.
        String enriched = fixture.prefix + "news.articles.enriched";
        fixture.sendInTransaction(List.of(record(enriched, 0, "a1", "{}", new RecordHeaders()),
                record(enriched, 0, "a2", "{}", new RecordHeaders())));
        fixture.commit(fixture.indexGroup, Map.of(new TopicPartition(enriched, 0), 2L));
        fixture.createIndex();
        fixture.index("a1", "reuters", "2026-03-01T11:50:00.000Z");
        fixture.index("a2", "reuters", "2026-03-01T11:40:00.000Z");
        fixture.index("a3", "afp", "2026-03-01T08:00:00.000Z");
    }

    @Test
    void showsTopicsLagDeadLettersDocumentsAndSources() {
        int code = fixture.status(CLOCK, "--services", "none");

        assertThat(code).as(fixture.out + fixture.err).isZero();
        String p = fixture.prefix;
        assertThat(fixture.out)
                .containsPattern(p.replace(".", "\\.") + "news\\.articles\\.raw\\s+2\\s+0:3 1:1")
                .containsPattern(p.replace(".", "\\.") + "news\\.deadletter\\s+2\\s+0:1 1:0")
                .containsPattern(fixture.enrichGroup + "\\s+" + p.replace(".", "\\.") + "news\\.articles\\.raw\\s+\\S+\\s+0\\s+2\\s+0:2 1:0")
                .containsPattern(p.replace(".", "\\.") + "news\\.articles\\.enriched\\s+2\\s+0:3 1:0")
                // The transaction marker takes an offset but is no record: no lag.
                .containsPattern(fixture.indexGroup + "\\s+.*\\s+EMPTY\\s+0\\s+0\\s+0:0 1:0\\*")
                .contains("Dead letters (" + p + "news.deadletter): 1 (index 1), 1 not replayed")
                .contains("IllegalArgumentException: failed to parse field [published_at]")
                .contains("alias " + fixture.alias + " -> " + fixture.alias + "-v1: 3 documents")
                .containsPattern("reuters\\s+2\\s+2026-03-01T11:50:00.000Z\\s+10m")
                .containsPattern("afp\\s+1\\s+2026-03-01T08:00:00.000Z\\s+4h\\s+QUIET")
                .contains("Services: not checked")
                .contains("WARNING  source afp has sent nothing for 4h (quiet after 1h)")
                .contains("Status: OK with 3 warnings");
    }

    @Test
    void showsEnrichsLagOnItsDuplicateCheckTopicsBesideTheRawTopic() throws Exception {
        // Named as Kafka Streams names enrich's repartition topics: <application id>-<name>-repartition.
        String bands = fixture.enrichGroup + "-dedup-bands-repartition";
        fixture.createTopic(bands, 2);
        // One transaction: offsets 0, 1 and a marker on partition 0; offset 0 and a marker on partition 1.
        fixture.sendInTransaction(List.of(record(bands, 0, "b1", "{}", new RecordHeaders()),
                record(bands, 0, "b2", "{}", new RecordHeaders()), record(bands, 1, "b3", "{}", new RecordHeaders())));
        fixture.commit(fixture.enrichGroup, Map.of(new TopicPartition(bands, 0), 1L, new TopicPartition(bands, 1), 0L));

        fixture.status(CLOCK, "--services", "none");

        assertThat(fixture.out)
                .containsPattern(fixture.enrichGroup + "\\s+" + fixture.prefix.replace(".", "\\.") + "news\\.articles\\.raw\\s+\\S+\\s+0\\s+2\\s")
                .containsPattern(fixture.enrichGroup + "\\s+" + bands + "\\s+\\S+\\s+0\\s+2\\s+0:1 1:1")
                .contains("consumer group " + fixture.enrichGroup + " has no members and lags 2 records on " + bands);
    }

    @Test
    void strictTurnsWarningsIntoAFailureAndAWiderThresholdSilencesQuietSources() {
        assertThat(fixture.status(CLOCK, "--services", "none", "--strict")).isEqualTo(1);

        fixture.status(CLOCK, "--services", "none", "--quiet-after", "5h");
        assertThat(fixture.out).doesNotContain("QUIET").contains("Sources (quiet after 5h)");
    }

    @Test
    void unreachableElasticsearchFails() throws IOException {
        fixture.env.put("NEWSFLOW_ES_URL", "http://127.0.0.1:" + ServiceProbeTest.closedPort());

        int code = fixture.status(CLOCK, "--services", "none");

        assertThat(code).isEqualTo(1);
        assertThat(fixture.out).contains(": UNREACHABLE")
                .contains("PROBLEM  Elasticsearch at " + fixture.env.get("NEWSFLOW_ES_URL") + " is not reachable")
                .contains("Status: UNHEALTHY (1 problems")
                // Kafka is still reported in full.
                .contains(fixture.prefix + "news.articles.raw");
    }

    @Test
    void checksTheServicesItIsToldToAndFailsWhenOneIsDown() throws IOException {
        HttpServer ready = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ready.createContext("/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        ready.start();
        try {
            fixture.env.put("NEWSFLOW_INGEST_URL", "http://127.0.0.1:" + ready.getAddress().getPort());
            fixture.env.put("NEWSFLOW_INDEX_URL", "http://127.0.0.1:" + ServiceProbeTest.closedPort());

            int onlyIngest = fixture.status(CLOCK, "--services", "ingest");
            String onlyIngestOut = fixture.out;
            fixture.env.put(CliConfig.STATUS_SERVICES, "ingest,index");
            int both = fixture.status(CLOCK);

            assertThat(onlyIngest).as(onlyIngestOut).isZero();
            assertThat(onlyIngestOut).containsPattern("ingest\\s+http://127.0.0.1:\\d+\\s+READY").doesNotContain("DOWN");
            assertThat(both).isEqualTo(1);
            assertThat(fixture.out).containsPattern("index\\s+http://127.0.0.1:\\d+\\s+DOWN\\s+not reachable")
                    .contains("PROBLEM  index-service at");
        } finally {
            ready.stop(0);
        }
    }
}
