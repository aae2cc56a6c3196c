package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import dev.newsflow.enrich.language.LanguageIdentifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    private final Topics topics = Topics.withPrefix("test.");
    private final Enricher enricher = new Enricher(Clock.fixed(EnricherTest.NOW, ZoneOffset.UTC), LanguageIdentifier.shared());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<byte[], byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<byte[], byte[]> deadletters;

    @BeforeEach
    void startDriver(@TempDir Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-topology-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(EnrichDeadLetters.streamsConfig(topics, registry));
        driver = new TopologyTestDriver(EnrichTopology.build(topics, enricher, registry), props);
        raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerde().serializer());
        rawBytes = driver.createInputTopic(topics.raw().name(), new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(topics.enriched().name(),
                topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
        deadletters = driver.createOutputTopic(topics.deadletter().name(),
                topics.deadletter().keySerde().deserializer(), topics.deadletter().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void rawArticleBecomesTheEnrichedArticleUnderItsId() {
        RawArticle article = EnricherTest.feedArticle("a1", "Residents of three coastal towns were evacuated on Saturday.");

        raw.pipeInput("a1", article, EnricherTest.INGESTED);

        assertThat(enriched.readKeyValuesToList()).containsExactly(KeyValue.pair("a1", enricher.enrich(article)));
        assertThat(deadletters.isEmpty()).isTrue();
        assertThat(registry.counter("newsflow.enrich.articles").count()).isEqualTo(1.0);
    }

    @Test
    void recordKeyAndTimestampFillInAMissingIdAndIngestTime() {
        RawArticle withoutIdentity = EnricherTest.feedArticle(null, "Residents were evacuated on Saturday.")
                .withIdentity(null, "urn:wire:k1", 7, null);
        Instant timestamp = Instant.parse("2024-05-01T10:00:00Z");

        raw.pipeInput("k1", withoutIdentity, timestamp);

        EnrichedArticle out = enriched.readValue();
        assertThat(out.id()).isEqualTo("k1");
        assertThat(out.ingestedAt()).isEqualTo(timestamp);
    }

    @Test
    void unreadableRecordGoesToTheDeadLetterTopicAsItCameAndTheStreamGoesOn() {
        byte[] key = "bad".getBytes(StandardCharsets.UTF_8);
        byte[] value = "this is not JSON".getBytes(StandardCharsets.UTF_8);
        RawArticle next = EnricherTest.feedArticle("a2", "Emergency services said more than 200 homes had been flooded.");

        rawBytes.pipeInput(key, value);
        raw.pipeInput("a2", next, EnricherTest.INGESTED);

        TestRecord<byte[], byte[]> dead = deadletters.readRecord();
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).isEqualTo(value);
        Headers headers = dead.headers();
        assertThat(DeadLetters.stage(headers)).isEqualTo("enrich");
        assertThat(DeadLetters.errorClass(headers)).isEqualTo("org.apache.kafka.common.errors.SerializationException");
        assertThat(DeadLetters.errorMessage(headers)).contains("not a valid RawArticle JSON");
        assertThat(DeadLetters.originalTopic(headers)).isEqualTo(topics.raw().name());
        assertThat(DeadLetters.originalPartition(headers)).isEqualTo("0");
        assertThat(DeadLetters.originalOffset(headers)).isEqualTo("0");
        // Kafka Streams' own headers (KIP-1034): the dead letter queue wrote them, not our code.
        assertThat(DeadLetters.header(headers, DeadLetters.STREAMS_EXCEPTION)).isEqualTo(DeadLetters.errorClass(headers));
        assertThat(DeadLetters.header(headers, DeadLetters.STREAMS_STACKTRACE)).contains("SerializationException");
        assertThat(deadletters.isEmpty()).isTrue();

        assertThat(enriched.readKeyValuesToList()).containsExactly(KeyValue.pair("a2", enricher.enrich(next)));
        assertThat(deadLetterCount("SerializationException")).isEqualTo(1.0);
    }

    @Test
    void articleThatCannotBeEnrichedGoesToTheDeadLetterTopicAsItCameWithTheReason() {
        RawArticle empty = EnricherTest.feedArticle("e1", " ");
        byte[] asSent = topics.raw().valueSerde().serializer().serialize(topics.raw().name(), empty);

        raw.pipeInput(new TestRecord<>("e1", empty, new RecordHeaders().add("newsflow.replayed.from",
                "news.deadletter/2@7".getBytes(StandardCharsets.UTF_8)), EnricherTest.INGESTED));

        TestRecord<byte[], byte[]> dead = deadletters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("e1");
        assertThat(dead.value()).isEqualTo(asSent);
        assertThat(dead.timestamp()).isEqualTo(EnricherTest.INGESTED.toEpochMilli());
        assertThat(DeadLetters.stage(dead.headers())).isEqualTo("enrich");
        assertThat(DeadLetters.errorClass(dead.headers())).isEqualTo(EnrichmentException.class.getName());
        assertThat(DeadLetters.errorMessage(dead.headers())).contains("no text");
        assertThat(DeadLetters.originalTopic(dead.headers())).isEqualTo(topics.raw().name());
        assertThat(DeadLetters.header(dead.headers(), "newsflow.replayed.from"))
                .as("the record's own headers stay with it").isEqualTo("news.deadletter/2@7");
        assertThat(enriched.isEmpty()).isTrue();
        assertThat(deadLetterCount("EnrichmentException")).isEqualTo(1.0);
        assertThat(registry.counter("newsflow.enrich.articles").count()).isZero();
    }

    @Test
    void anEnrichedArticleLargerThanARecordMayBeIsADeadLetterAndTheStreamGoesOn() {
        // Plain text of just over the limit: the enriched body alone is larger than a record may be.
        RawArticle huge = EnricherTest.feedArticle("h1", "Harbour news. ".repeat(EnrichProcessor.MAX_ENRICHED_BYTES / 14 + 1));
        raw.pipeInput("h1", huge, EnricherTest.INGESTED);
        raw.pipeInput("s1", EnricherTest.feedArticle("s1", "The harbour reopened on Monday."), EnricherTest.INGESTED);

        TestRecord<byte[], byte[]> dead = deadletters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("h1");
        assertThat(DeadLetters.errorMessage(dead.headers())).contains("a record may hold");
        assertThat(enriched.readKeyValue().key).isEqualTo("s1");
    }

    @Test
    void withdrawnArticleBecomesATombstone() throws Exception {
        String killed = Json.mapper().writeValueAsString(EnricherTest.feedArticle("a3", "Withdrawn story text."))
                .replace("\"pubstatus\":\"usable\"", "\"pubstatus\":\"canceled\"");
        assertThat(killed).contains("canceled");

        rawBytes.pipeInput("a3".getBytes(StandardCharsets.UTF_8), killed.getBytes(StandardCharsets.UTF_8));

        assertThat(enriched.readKeyValuesToList()).containsExactly(KeyValue.pair("a3", null));
        assertThat(deadletters.isEmpty()).isTrue();
        assertThat(registry.counter("newsflow.enrich.withdrawn").count()).isEqualTo(1.0);
    }

    @Test
    void emptyValueIsADeadLetterToo() {
        rawBytes.pipeInput("n1".getBytes(StandardCharsets.UTF_8), (byte[]) null);

        TestRecord<byte[], byte[]> dead = deadletters.readRecord();
        assertThat(dead.value()).isNull();
        assertThat(DeadLetters.errorMessage(dead.headers())).isEqualTo("raw record has no article (no value, or JSON null)");
    }

    private double deadLetterCount(String error) {
        return registry.get("newsflow.enrich.deadletters").tag("error", error).counter().count();
    }
}
