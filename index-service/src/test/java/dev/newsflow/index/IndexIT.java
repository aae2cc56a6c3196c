package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.Problem;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The indexer and the search API against a real Kafka broker and a real Elasticsearch node. */
@ExtendWith(LocalStackExtension.class)
class IndexIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final StackEndpoints stack;
    private IndexFixture index;
    /** A word no other article in the index contains, so each test searches only its own articles. */
    private final String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    IndexIT(StackEndpoints stack) {
        this.stack = stack;
    }

    @BeforeEach
    void start() throws Exception {
        index = new IndexFixture(stack);
    }

    @AfterEach
    void stop() throws Exception {
        index.close();
    }

    @Test
    void enrichedArticlesBecomeSearchableWithHighlightsFacetsAndIndexedAt() {
        EnrichedArticle summit = IndexFixture.article("g-1", 1, "Leaders meet at " + marker + " summit",
                "The " + marker + " summit opened in Kyiv on Monday with NATO officials.");
        EnrichedArticle storm = IndexFixture.article("g-2", 1, "Storm hits the coast",
                "A storm near the " + marker + " coast closed the port.");
        index.send(summit);
        index.send(storm);

        JsonNode result = await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker),
                r -> r.path("total").asLong() == 2);

        JsonNode first = result.path("hits").get(0);
        assertThat(first.path("id").asText()).isEqualTo(summit.id()); // the title match weighs more
        assertThat(first.path("snippet").asText()).contains("<em>" + marker + "</em>");
        assertThat(first.path("people").get(0).asText()).isEqualTo("Vladimir Putin");
        assertThat(first.path("published_at").asText()).isEqualTo(Json.format(summit.publishedAt()));
        assertThat(result.at("/facets/people/0/value").asText()).isEqualTo("Vladimir Putin");
        assertThat(result.at("/facets/people/0/count").asLong()).isEqualTo(2);
        assertThat(result.at("/facets/sources/0/value").asText()).isEqualTo("it-wire");

        JsonNode stored = index.getJson("/v1/articles/" + summit.id());
        assertThat(stored.path("title").asText()).isEqualTo(summit.title());
        assertThat(stored.path("indexed_at").asText()).isNotBlank();
        // Searchable can come a moment before the poll thread has taken in the bulk response.
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(index.counter("newsflow.index.documents", "result", "indexed")).isEqualTo(2);
            assertThat(index.registry.get("newsflow.index.latency").timer().count()).isEqualTo(2);
        });
    }

    @Test
    void theSameArticleTwiceLeavesOneDocumentAndOffsetsFollowWhatWasIndexed() throws Exception {
        EnrichedArticle article = IndexFixture.article("g-dup", 7, "Twice sent " + marker, "Body " + marker);
        index.send(article);
        index.send(article);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.committed()).isEqualTo(index.ends()));

        // Committed means confirmed by Elasticsearch; searchable follows at the next refresh (1s).
        await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() == 1);
        assertThat(index.getJson("/v1/articles/" + article.id()).path("version").asLong()).isEqualTo(7);
        assertThat(index.ends().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    }

    @Test
    void anOlderVersionAfterANewerOneDoesNotOverwriteIt() throws Exception {
        index.send(IndexFixture.article("g-ver", 2, "Newer title " + marker, "Second version"));
        index.send(IndexFixture.article("g-ver", 1, "Older title " + marker, "First version"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.committed()).isEqualTo(index.ends()));

        String id = IndexFixture.article("g-ver", 1, "", "").id();
        JsonNode stored = index.getJson("/v1/articles/" + id);
        assertThat(stored.path("title").asText()).isEqualTo("Newer title " + marker);
        assertThat(stored.path("version").asLong()).isEqualTo(2);
        assertThat(index.counter("newsflow.index.version.conflicts")).isEqualTo(1);
    }

    /** Enrich sends a near-duplicate at once, then again marked once its check has ended (same version). */
    @Test
    void aCopyMarkedAfterItWentOutIsFoldedUnderItsOriginal() {
        EnrichedArticle original = IndexFixture.article("g-orig", 1, "Port reopens " + marker, "The " + marker + " port reopened.");
        EnrichedArticle copy = IndexFixture.article("g-copy", 1, "Port reopens again " + marker, "The " + marker + " port reopened today.");
        index.send(original);
        index.send(copy);
        await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() == 2);

        index.send(copy.toBuilder().duplicateOf(original.id()).build());

        await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() == 1);
        assertThat(index.getJson("/v1/articles/" + copy.id()).path("duplicate_of").asText()).isEqualTo(original.id());
        assertThat(index.getJson("/v1/search?q=" + marker).path("hits").get(0).path("id").asText()).isEqualTo(original.id());
    }

    @Test
    void aTombstoneDeletesTheArticle() {
        EnrichedArticle article = IndexFixture.article("g-kill", 1, "Withdrawn " + marker, "Soon gone");
        index.send(article);
        await().atMost(PATIENCE).until(() -> index.get("/v1/articles/" + article.id()).statusCode() == 200);

        index.sendTombstone(article.id());

        await().atMost(PATIENCE).until(() -> index.get("/v1/articles/" + article.id()).statusCode() == 404);
        var missing = index.get("/v1/articles/" + article.id());
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.CONTENT_TYPE));
        await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() == 0);
    }

    @Test
    void recordsTheIndexCannotHoldGoToTheDeadLetterTopicAndTheRestGoesOn() throws Exception {
        index.send("not-json", "{ this is not json".getBytes(StandardCharsets.UTF_8));
        // A keyword longer than Lucene's 32766-byte term limit: Elasticsearch refuses the document itself.
        EnrichedArticle huge = IndexFixture.article("g-huge", 1, "Huge " + marker, "Body");
        EnrichedArticle refused = huge.toBuilder().url("https://example.org/" + "x".repeat(40_000)).wordCount(1)
                .urgency(null).build();
        index.send(refused);
        EnrichedArticle fine = IndexFixture.article("g-fine", 1, "Fine " + marker, "Body");
        index.send(fine);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.committed()).isEqualTo(index.ends()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                index.getJson("/v1/search?q=" + marker).path("hits").findValuesAsText("id")).containsExactly(fine.id()));
        assertThat(index.get("/v1/articles/" + refused.id()).statusCode()).isEqualTo(404);

        List<ConsumerRecord<byte[], byte[]>> letters = readDeadLetters(2);
        assertThat(letters).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("not-json", refused.id());
        for (ConsumerRecord<byte[], byte[]> letter : letters) {
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.STAGE)).isEqualTo("index");
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.ORIGINAL_TOPIC))
                    .isEqualTo(index.config.kafka().topics().enriched().name());
            assertThat(DeadLetters.header(letter.headers(), DeadLetters.ERROR_MESSAGE)).isNotBlank();
        }
        ConsumerRecord<byte[], byte[]> unreadable = letters.stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("not-json")).findFirst().orElseThrow();
        assertThat(new String(unreadable.value(), StandardCharsets.UTF_8)).isEqualTo("{ this is not json");
        assertThat(index.counter("newsflow.index.deadletters")).isEqualTo(2);
    }

    @Test
    void searchPagesWithACursorAndValidatesParameters() {
        for (int i = 0; i < 5; i++) {
            index.send(IndexFixture.article("g-page-" + i, 1, "Page " + i + " " + marker, "Body " + marker));
        }
        await().atMost(PATIENCE).until(() -> index.getJson("/v1/search?q=" + marker).path("total").asLong() == 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = index.getJson("/v1/search?sort=newest&size=2&q=" + marker + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(page.path("hits").findValuesAsText("id"));
            cursor = page.hasNonNull("next_cursor") ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();

        var bad = index.get("/v1/search?size=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(index.getJson("/v1/search?size=0").path("parameter").asText()).isEqualTo("size");
        assertThat(index.getJson("/v1/search?since=yesterday").path("parameter").asText()).isEqualTo("since");
        assertThat(index.getJson("/v1/search?sort=oldest").path("parameter").asText()).isEqualTo("sort");
        assertThat(index.get("/health/ready").statusCode()).isEqualTo(200);
    }

    private List<ConsumerRecord<byte[], byte[]>> readDeadLetters(int expected) {
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(index.config.kafka().topics().deadletter().name()));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                return letters.size() >= expected;
            });
        }
        return letters;
    }
}
