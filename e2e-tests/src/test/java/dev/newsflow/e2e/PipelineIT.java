package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.cli.CommandLines;
import dev.newsflow.cli.DeadLetter;
import dev.newsflow.cli.DeadLetterReplayer;
import dev.newsflow.cli.DlqCommand;
import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.Json;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.ServiceJvm;
import dev.newsflow.stack.StackEndpoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline as users run it: the three services as separate processes against the
 * real Kafka broker and Elasticsearch node; a story goes in over HTTP and comes out of search.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {

    private static final Path SEED = Path.of("..", "..", "shared", "seeds", "000_2d81de492a64ddc8.txt");
    /** A whole news page, written for the samples: a story amid a menu, share bar, related list, comments, footer. */
    private static final Path WEB_PAGE = Path.of("..", "samples", "10-web-page-skerrivik-kelp.html");
    private static final String SOURCE = "wire";
    /** A second source, so the metrics test counts only its own articles. */
    private static final String METRICS_SOURCE = "metered";

    private final HttpClient http = HttpClient.newHttpClient();
    private Pipeline pipeline;
    private ServiceJvm ingest;
    private ServiceJvm enrich;
    private ServiceJvm index;
    private StackEndpoints stack;
    private String rawTopic;
    private String dlqOut = "";
    private String dlqErr = "";

    @BeforeAll
    void startServices(StackEndpoints stack, @TempDir Path home) {
        this.stack = stack;
        pipeline = Pipeline.start(stack, home, List.of(SOURCE, METRICS_SOURCE));
        rawTopic = pipeline.topics().raw().name();
        ingest = pipeline.ingest();
        enrich = pipeline.enrich();
        index = pipeline.index();
    }

    @AfterAll
    void stopServices() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aScrapedPageBecomesSearchableWithAllItsTimestamps() throws Exception {
        boolean seeded = Files.exists(SEED);
        String page = seeded ? Files.readString(SEED) : OwnSample.SCRAPED_PAGE;
        String title = seeded ? "Putin, Xi meet for high-stakes talks in challenge to West" : OwnSample.TITLE;

        JsonNode accepted = post("text/plain", page);
        String id = accepted.path("id").asText();
        assertThat(id).hasSize(32);

        JsonNode hit = await("the story is searchable").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> firstHit("Samarkand", id), h -> h != null);
        assertThat(hit.path("title").asText()).isEqualTo(title);
        assertThat(hit.path("ingested_at").asText()).isNotBlank();

        JsonNode article = get(index.uri("/v1/articles/" + id));
        assertThat(article.path("id").asText()).isEqualTo(id);
        assertThat(article.path("source").asText()).isEqualTo("wire");
        assertThat(article.path("body").asText()).contains("SAMARKAND");
        assertThat(article.path("ingested_at").asText()).isNotBlank();
        assertThat(article.path("enriched_at").asText()).isNotBlank();
        assertThat(article.path("indexed_at").asText()).isNotBlank();
        assertThat(article.path("language").asText()).isEqualTo("en");
    }

    @Test
    void aWebPageIsFoundByItsStoryButNotByItsPageFurniture() throws Exception {
        String id = post("text/html", Files.readString(WEB_PAGE)).path("id").asText();

        JsonNode hit = await("the page's story is searchable").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> firstHit("\"kelp forest restoration\"", id), h -> h != null);
        assertThat(hit.path("title").asText()).isEqualTo("Skerrivik divers replant kelp forest lost to urchins");
        JsonNode article = get(index.uri("/v1/articles/" + id));
        assertThat(article.path("byline").asText()).contains("Maren Holt");
        assertThat(article.path("published_at").asText()).startsWith("2026-11-28T06:45:00");
        assertThat(article.path("people").toString()).contains("Ingrid Solberg");
        assertThat(article.path("body").asText())
                .contains("SKERRIVIK, Norway", "plant a second reef next spring")
                .doesNotContain("Tidewatch", "Share on Facebook", "Lighthouse keepers", "Harbourwatcher",
                        "cookie", "All Rights Reserved");

        // Indexed by now: words of the menu, the related list, the comments and the footer find nothing of it.
        for (String furniture : List.of("\"Tidewatch Weekender\"", "\"Lighthouse keepers choir\"",
                "Harbourwatcher", "\"cookie policy\"", "\"All Rights Reserved\"")) {
            assertThat(firstHit(furniture, id)).as(furniture).isNull();
        }
    }

    @Test
    void aStoryLargerThanKafkasDefaultRecordSizeGoesThroughEveryStage() throws Exception {
        // Kafka's producers refuse records over 1 MiB unless told otherwise: each stage's producer must
        // take what ingest accepts (issue 15, finding 1), or the enriched record kills the stream.
        String marker = "zl" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        StringBuilder body = new StringBuilder("HALDEN, Norway — The " + marker + " archive opened to readers on Monday.\n\n");
        for (int paragraph = 0; body.length() < 1_600_000; paragraph++) {
            body.append("Paragraph ").append(paragraph)
                    .append(" of the council minutes lists the ferry timetable, the harbour dues and the school roof repairs.\n\n");
        }
        String id = post("text/plain", body.toString()).path("id").asText();

        await("the 1.6 MB story is searchable").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> firstHit(marker, id), h -> h != null);
        JsonNode article = get(index.uri("/v1/articles/" + id));
        assertThat(article.path("body").asText().length()).isGreaterThan(1_500_000);

        String after = "zs" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String next = post("text/plain", "HALDEN, Norway — The " + after + " ferry sailed on time on Tuesday, the harbour master said.")
                .path("id").asText();
        await("a normal story sent after it").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> firstHit(after, next), h -> h != null);
    }

    @Test
    void theSameStorySentTwiceLeavesOneDocument() throws Exception {
        String guid = "urn:e2e:" + UUID.randomUUID();
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String story = Json.mapper().writeValueAsString(Map.of(
                "guid", guid,
                "title", "Harbour authority reopens the northern quay " + marker,
                "body", "ROTTERDAM — The harbour authority reopened the northern quay on Monday after repairs "
                        + "that took three weeks, the port's director said. " + marker));

        String first = post("application/json", story).path("id").asText();
        String second = post("application/json", story).path("id").asText();
        assertThat(second).isEqualTo(first);

        await("the story is searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> search(marker).path("total").asInt(), total -> total >= 1);
        // Let any second write land before counting: both records are in the index's past by now
        // once a later story has been indexed behind them.
        String laterMarker = marker + "later";
        post("application/json", Json.mapper().writeValueAsString(Map.of("guid", guid + "-later",
                "title", "Later story " + laterMarker, "body", "A later story " + laterMarker)));
        await("a later story is searchable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> search(laterMarker).path("total").asInt(), total -> total >= 1);

        assertThat(search(marker).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void metricsCountWhatFlowedThroughEachService() throws Exception {
        int articles = 3;
        for (int i = 0; i < articles; i++) {
            String story = Json.mapper().writeValueAsString(Map.of(
                    "guid", "urn:e2e:metrics:" + UUID.randomUUID(),
                    "title", "Metered story " + i,
                    "body", "GENEVA — A metered story number " + i + " about the weather over the lake."));
            post("application/json", story, pipeline.key(METRICS_SOURCE));
        }
        // A record no service wrote: enrich cannot read it and must count one dead letter (beyond other tests' ones).
        double deadLettersBefore = PrometheusText.scrape(enrich).sum("newsflow_enrich_deadletters_total");
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.kafkaBootstrap()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(rawTopic, "poison".getBytes(StandardCharsets.UTF_8),
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }

        await("ingest counts the accepted articles").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(PrometheusText.scrape(ingest)
                        .sum("newsflow_ingest_articles_accepted_total", Map.of("source", "metered")))
                        .isEqualTo(articles));
        await("enrich counts the dead letter").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(PrometheusText.scrape(enrich).sum("newsflow_enrich_deadletters_total"))
                        .isEqualTo(deadLettersBefore + 1));
        await("index counts documents and their latency").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> {
                    PrometheusText indexMetrics = PrometheusText.scrape(index);
                    assertThat(indexMetrics.sum("newsflow_index_documents_total", Map.of("result", "indexed")))
                            .isGreaterThanOrEqualTo(articles);
                    assertThat(indexMetrics.sum("newsflow_index_latency_seconds_count"))
                            .isGreaterThanOrEqualTo(articles);
                });
        PrometheusText enrichMetrics = PrometheusText.scrape(enrich);
        assertThat(enrichMetrics.sum("newsflow_enrich_step_seconds_count", Map.of("step", "entities")))
                .isGreaterThanOrEqualTo(articles);
        assertThat(PrometheusText.scrape(ingest).has("newsflow_ingest_source_last_article_age_seconds")).isTrue();
        assertThat(PrometheusText.scrape(ingest).has("kafka_producer_record_send_total")).isTrue();
        assertThat(enrichMetrics.has("jvm_memory_used_bytes")).isTrue();
        await("index exposes its consumer's lag per partition").atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> assertThat(PrometheusText.scrape(index).has("kafka_consumer_fetch_manager_records_lag")).isTrue());
    }

    /**
     * Kafka Streams writes enrich's dead letters (KIP-1034): the operator's tool must still show the reason and
     * where the record was read, and a replay must send it back to the raw topic. This one is still not JSON
     * when it comes back, so enrich dead-letters it again; its second dead letter names the first.
     */
    @Test
    void aRecordEnrichCannotReadIsListedWithItsReasonAndOriginAndCanBeReplayed() throws Exception {
        String key = "e2e-dlq-" + UUID.randomUUID();
        String deadLetterTopic = pipeline.topics().deadletter().name();
        RecordMetadata written;
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.kafkaBootstrap()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            written = producer.send(new ProducerRecord<>(rawTopic, key.getBytes(StandardCharsets.UTF_8),
                    "{\"guid\": \"cut off".getBytes(StandardCharsets.UTF_8))).get();
        }
        DeadLetter first = await("enrich dead-letters the record").atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters(key), letters -> letters.size() == 1).getFirst();

        assertThat(dlq("list", "--id", key)).as(dlqErr).isZero();
        assertThat(dlqOut).contains("stage enrich  key " + key + "  NOT REPLAYED")
                .contains("  reason:  SerializationException: not a valid RawArticle JSON")
                .contains("  from:    " + rawTopic + " " + written.partition() + "@" + written.offset());

        assertThat(dlq("replay", "--id", key)).as(dlqErr).isZero();
        assertThat(dlqOut).contains("replayed " + first.id() + " (stage enrich, key " + key + ") to " + rawTopic)
                .contains("1 replayed, 0 skipped");

        List<DeadLetter> letters = await("the replayed record is dead-lettered again").atMost(Duration.ofSeconds(60))
                .until(() -> deadLetters(key), all -> all.size() == 2);
        DeadLetter again = letters.stream().filter(l -> !l.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(again.stage()).isEqualTo("enrich");
        assertThat(again.originalTopic()).isEqualTo(rawTopic);
        assertThat(again.value()).isEqualTo(first.value());
        // Kafka Streams keeps the record's own headers on its dead letter: the replay's mark among them.
        ConsumerRecord<byte[], byte[]> againRecord = TopicContents.read(stack.kafkaBootstrap(), deadLetterTopic,
                        IsolationLevel.READ_COMMITTED).stream()
                .filter(r -> (r.partition() + "@" + r.offset()).equals(again.id())).findFirst().orElseThrow();
        assertThat(DeadLetters.header(againRecord.headers(), DeadLetterReplayer.REPLAYED_FROM))
                .isEqualTo(deadLetterTopic + "/" + first.id());

        assertThat(dlq("list", "--id", key)).as(dlqErr).isZero();
        assertThat(dlqOut).contains("2 dead letters").contains("key " + key + "  REPLAYED").contains("key " + key + "  NOT REPLAYED");
    }

    private List<DeadLetter> deadLetters(String key) {
        return TopicContents.read(stack.kafkaBootstrap(), pipeline.topics().deadletter().name(), IsolationLevel.READ_COMMITTED)
                .stream().map(DeadLetter::of).filter(letter -> key.equals(letter.keyText())).toList();
    }

    /** Runs {@code newsflow dlq ARGS} against this pipeline's topics; its output lands in dlqOut and dlqErr. */
    private int dlq(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> env = Map.of("NEWSFLOW_KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                "NEWSFLOW_TOPIC_PREFIX", pipeline.prefix());
        int code = CommandLines.create(new DlqCommand(env, Clock.systemUTC()), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(args);
        dlqOut = out.toString();
        dlqErr = err.toString();
        return code;
    }

    private JsonNode firstHit(String query, String id) throws IOException, InterruptedException {
        for (JsonNode hit : search(query).path("hits")) {
            if (id.equals(hit.path("id").asText())) {
                return hit;
            }
        }
        return null;
    }

    private JsonNode search(String query) throws IOException, InterruptedException {
        return get(index.uri("/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
    }

    private JsonNode post(String contentType, String body) throws IOException, InterruptedException {
        return post(contentType, body, pipeline.key(SOURCE));
    }

    private JsonNode post(String contentType, String body, String key) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest.uri("/v1/articles"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.mapper().readTree(response.body());
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
