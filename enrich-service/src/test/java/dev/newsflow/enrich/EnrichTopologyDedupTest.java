package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import dev.newsflow.enrich.dedup.BandRouter;
import dev.newsflow.enrich.dedup.WireStories;
import dev.newsflow.enrich.language.LanguageIdentifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Near-duplicate marking in the enrich topology, through its band-keyed dedup steps. */
class EnrichTopologyDedupTest {

    private static final Duration RETENTION = Duration.ofDays(2);
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final Topics topics = Topics.withPrefix("test.");
    private final Enricher enricher = new Enricher(Clock.fixed(EnricherTest.NOW, ZoneOffset.UTC), LanguageIdentifier.shared());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;

    @BeforeEach
    void startDriver(@TempDir Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "enrich-dedup-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(EnrichTopology.build(topics, enricher, RETENTION, registry), props);
        raw = driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerde().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(),
                topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void nearDuplicateGoesOutAtOnceThenAgainNamingTheEarlierArticle() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(article("other-1", "other", 1, WireStories.EDITED_COPY), T0.plusSeconds(60));

        assertThat(duplicateOfById()).containsExactly(
                KeyValue.pair("wire-1", "-"), KeyValue.pair("other-1", "-"), KeyValue.pair("other-1", "wire-1"));
        assertThat(registry.counter("newsflow.enrich.duplicates").count()).isEqualTo(1.0);
    }

    @Test
    void markedDuplicateIsOtherwiseTheEnrichedArticleThatWentOutFirst() {
        RawArticle copy = article("other-1", "other", 1, WireStories.EDITED_COPY);
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(copy, T0.plusSeconds(60));

        List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
        EnrichedArticle expected = enricher.enrich(copy.withIdentity(copy.id(), copy.guid(), copy.version(), T0.plusSeconds(60)));
        assertThat(out).hasSize(3);
        assertThat(out.get(1).value()).isEqualTo(expected);
        assertThat(out.get(2).value().duplicateOf()).isEqualTo("wire-1");
        assertThat(out.get(2).value()).usingRecursiveComparison().ignoringFields("duplicateOf").isEqualTo(expected);
        assertThat(out.get(2).getRecordTime()).isEqualTo(out.get(1).getRecordTime());
    }

    @Test
    void updateOfTheSameIdIsNotADuplicateAndCopiesStillFindIt() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(article("wire-1", "wire", 2, WireStories.EDITED_COPY), T0.plusSeconds(60));
        send(article("other-1", "other", 1, WireStories.ORIGINAL), T0.plusSeconds(120));

        assertThat(duplicateOfById()).containsExactly(KeyValue.pair("wire-1", "-"), KeyValue.pair("wire-1", "-"),
                KeyValue.pair("other-1", "-"), KeyValue.pair("other-1", "wire-1"));
    }

    @Test
    void unrelatedStoriesAndDifferentWriteUpsOfOneEventAreNotDuplicates() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(article("other-1", "other", 1, WireStories.SAME_EVENT_OTHER_WRITER), T0.plusSeconds(60));
        send(article("sport-1", "wire", 1, WireStories.UNRELATED), T0.plusSeconds(120));

        assertThat(duplicateOfById()).extracting(kv -> kv.value).containsOnly("-");
    }

    @Test
    void copyOfACopyNamesTheFirstOriginal() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(article("other-1", "other", 1, WireStories.EDITED_COPY), T0.plusSeconds(60));
        send(article("third-1", "third", 1, WireStories.EDITED_COPY), T0.plusSeconds(120));

        assertThat(duplicateOfById()).containsExactly(KeyValue.pair("wire-1", "-"),
                KeyValue.pair("other-1", "-"), KeyValue.pair("other-1", "wire-1"),
                KeyValue.pair("third-1", "-"), KeyValue.pair("third-1", "wire-1"));
    }

    @Test
    void originalNoLongerNamedWhenItsUpdateNoLongerMatchesCopies() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(article("other-1", "other", 1, WireStories.EDITED_COPY), T0.plusSeconds(60));
        // The original's update must not become a duplicate of its own copy.
        send(article("wire-1", "wire", 2, WireStories.ORIGINAL), T0.plusSeconds(120));

        assertThat(duplicateOfById()).containsExactly(KeyValue.pair("wire-1", "-"),
                KeyValue.pair("other-1", "-"), KeyValue.pair("other-1", "wire-1"), KeyValue.pair("wire-1", "-"));
    }

    @Test
    void withdrawnArticleIsForgottenAndItsTombstoneKeepsItsPlace() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(withdrawn(article("wire-1", "wire", 2, WireStories.ORIGINAL)), T0.plusSeconds(60));
        send(article("other-1", "other", 1, WireStories.EDITED_COPY), T0.plusSeconds(120));

        List<KeyValue<String, EnrichedArticle>> out = enriched.readKeyValuesToList();
        assertThat(out).extracting(kv -> kv.key).containsExactly("wire-1", "wire-1", "other-1");
        assertThat(out.get(1).value).isNull();
        assertThat(out.get(2).value.duplicateOf()).isNull();
    }

    @Test
    void fingerprintsExpireAfterTheRetention() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(article("sport-1", "wire", 1, WireStories.UNRELATED), T0.plus(RETENTION).plusSeconds(3600));
        KeyValueStore<String, Object> seen = driver.getKeyValueStore(BandRouter.KNOWN);

        assertThat(seen.get("wire-1")).isNull();
        assertThat(seen.get("sport-1")).isNotNull();
        send(article("other-1", "other", 1, WireStories.EDITED_COPY), T0.plus(RETENTION).plusSeconds(3660));
        assertThat(duplicateOfById()).extracting(kv -> kv.value).containsOnly("-");
    }

    @Test
    void copyJustWithinTheRetentionIsStillFound() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(article("other-1", "other", 1, WireStories.EDITED_COPY), T0.plus(RETENTION).minusSeconds(60));

        assertThat(duplicateOfById()).containsExactly(
                KeyValue.pair("wire-1", "-"), KeyValue.pair("other-1", "-"), KeyValue.pair("other-1", "wire-1"));
    }

    @Test
    void fingerprintHeaderStaysInsideTheTopology() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);

        TestRecord<String, EnrichedArticle> out = enriched.readRecord();
        assertThat(out.headers().lastHeader(BandRouter.FINGERPRINT_HEADER)).isNull();
    }

    @Test
    void copyThatReachesDedupFirstIsTheOriginalEvenWithALaterIngestTime() {
        // A lagging partition: the earlier-ingested copy arrives after the other has gone out as an original.
        send(article("other-1", "other", 1, WireStories.EDITED_COPY), T0.plusSeconds(60));
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);

        assertThat(duplicateOfById()).containsExactly(
                KeyValue.pair("other-1", "-"), KeyValue.pair("wire-1", "-"), KeyValue.pair("wire-1", "other-1"));
    }

    @Test
    void versionsOfOneIdGoOutInTheirOrder() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(article("wire-1", "wire", 2, "Photo: AP. More to follow."), T0.plusSeconds(10));
        send(article("wire-1", "wire", 3, WireStories.EDITED_COPY), T0.plusSeconds(20));
        send(withdrawn(article("wire-1", "wire", 4, WireStories.ORIGINAL)), T0.plusSeconds(30));

        List<TestRecord<String, EnrichedArticle>> out = enriched.readRecordsToList();
        assertThat(out).extracting(r -> r.value() == null ? "withdrawn" : "v" + r.value().version())
                .containsExactly("v1", "v2", "v3", "withdrawn");
        assertThat(out).extracting(TestRecord::getRecordTime)
                .containsExactly(T0, T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30));
    }

    @Test
    void dedupHeadersStayInsideTheTopology() {
        send(article("wire-1", "wire", 1, WireStories.ORIGINAL), T0);
        send(article("other-1", "other", 1, WireStories.EDITED_COPY), T0.plusSeconds(60));

        assertThat(enriched.readRecordsToList()).allSatisfy(r -> assertThat(r.headers().toArray())
                .extracting(h -> h.key()).noneMatch(key -> key.startsWith("newsflow.dedup")));
    }

    /**
     * The dedup steps run on as many partitions as the raw topic: Streams sizes a repartition topic that names
     * no partition count from its upstream topics (EnrichIT checks the real topics' counts). Here: two such
     * topics, no other source than the raw topic, and two sub-topologies: router and resolver share a task.
     */
    @Test
    void dedupRepartitionsByBandAndByIdWithoutASinglePartitionFunnel() {
        TopologyDescription description = EnrichTopology.build(topics, enricher, RETENTION, registry).describe();

        List<String> sources = description.subtopologies().stream().flatMap(s -> s.nodes().stream())
                .filter(n -> n instanceof TopologyDescription.Source).map(n -> (TopologyDescription.Source) n)
                .flatMap(n -> n.topicSet().stream()).sorted().toList();
        assertThat(description.subtopologies()).hasSize(2);
        assertThat(sources).containsExactly("dedup-answers-repartition", "dedup-bands-repartition", topics.raw().name());
    }

    @Test
    void shortStoriesAreNeverDuplicates() {
        send(article("wire-1", "wire", 1, "Photo: AP. More to follow."), T0);
        send(article("other-1", "other", 1, "Photo: AP. More to follow."), T0.plusSeconds(60));

        assertThat(duplicateOfById()).extracting(kv -> kv.value).containsOnly("-");
    }

    private void send(RawArticle article, Instant at) {
        raw.pipeInput(article.id(), article, at);
    }

    /** Each output record's id and duplicate_of ("-" for none), in order. */
    private List<KeyValue<String, String>> duplicateOfById() {
        return enriched.readKeyValuesToList().stream()
                .map(kv -> KeyValue.pair(kv.key, kv.value.duplicateOf() == null ? "-" : kv.value.duplicateOf()))
                .toList();
    }

    private static RawArticle article(String id, String source, long version, String body) {
        return RawArticle.builder().id(id).source(source).guid("urn:" + id).version(version)
                .contentType("application/json").title("EU extends gas price cap").body(body).language("en")
                .pubstatus(PubStatus.USABLE).build();
    }

    private static RawArticle withdrawn(RawArticle r) {
        return r.toBuilder().pubstatus(PubStatus.CANCELED).build();
    }
}
