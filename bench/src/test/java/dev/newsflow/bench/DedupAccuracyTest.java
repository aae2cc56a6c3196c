package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.ArticleId;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import dev.newsflow.enrich.EnrichTopology;
import dev.newsflow.enrich.Enricher;
import dev.newsflow.enrich.language.LanguageIdentifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recall and precision of the enrich topology's near-duplicate marking on the bench corpus: the generator's
 * near-duplicates (another desk's rewrite of a story) plus re-sent wire stories with small edits (another
 * dateline, a few words changed, the last paragraph cut), all with a known original. The figures go to the
 * log; README's dedup section quotes them. Run alone:
 * {@code ./mvnw -o -B verify -pl bench -am -DskipITs -Dtest=DedupAccuracyTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DedupAccuracyTest {

    private static final Logger LOG = LoggerFactory.getLogger(DedupAccuracyTest.class);
    /**
     * 150 stories by default: the enricher costs about a quarter of a second per story, so CI spends well under a
     * minute here; {@code -Ddedup.accuracy.stories=500} gives README's figures.
     */
    private static final int STORIES = Integer.getInteger("dedup.accuracy.stories", 150);
    private static final double RESENT_SHARE = 0.10;
    private static final Instant T0 = Instant.parse("2025-03-01T06:00:00Z");

    @Test
    void marksCopiesOfTheCorpusWithTheirOriginals(@TempDir Path stateDir) {
        List<Sent> sent = corpusWithResentCopies(new CorpusGenerator(42).generate(STORIES), new Random(7));
        Map<String, EnrichedArticle> latest = runThroughTheTopology(sent, stateDir);

        Map<String, String> truth = new HashMap<>();
        sent.stream().filter(s -> s.originalId() != null).forEach(s -> truth.put(s.id(), s.originalId()));
        Map<String, String> guids = new HashMap<>();
        sent.forEach(s -> guids.put(s.id(), s.raw().source() + " " + s.raw().guid()));
        int marked = 0;
        int markedCopies = 0;
        int rightOriginal = 0;
        for (EnrichedArticle a : latest.values()) {
            if (a.duplicateOf() == null) {
                continue;
            }
            marked++;
            if (truth.containsKey(a.id())) {
                markedCopies++;
                rightOriginal += truth.get(a.id()).equals(a.duplicateOf()) ? 1 : 0;
            } else {
                LOG.info("marked but not a copy: {} {} v{} as a copy of {}", a.source(), a.guid(), a.version(),
                        guids.get(a.duplicateOf()));
            }
        }
        double precision = marked == 0 ? 1.0 : (double) markedCopies / marked;
        double recall = (double) markedCopies / truth.size();
        LOG.info("dedup accuracy: {} records, {} ids, {} copies; marked {}, of them copies {}, naming their original {};"
                        + " precision {}, recall {}, right original {}", sent.size(), latest.size(), truth.size(), marked,
                markedCopies, rightOriginal, String.format("%.3f", precision), String.format("%.3f", recall),
                String.format("%.3f", markedCopies == 0 ? 0.0 : (double) rightOriginal / markedCopies));

        // The generator draws sentences from a small vocabulary, so a few of its originals are near-duplicates of each
        // other by text: precision on this corpus stays below 1 for that reason (README, dedup figures).
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(rightOriginal).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * markedCopies));
    }

    private static Map<String, EnrichedArticle> runThroughTheTopology(List<Sent> sent, Path stateDir) {
        Topics topics = Topics.withPrefix("accuracy.");
        Enricher enricher = new Enricher(Clock.systemUTC(), LanguageIdentifier.shared());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedup-accuracy");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Map<String, EnrichedArticle> latest = new LinkedHashMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                // A generous record budget: the first record loads the models, slow on a loaded machine.
                EnrichTopology.build(topics, enricher, Duration.ofDays(7), Duration.ofMinutes(5), new SimpleMeterRegistry()),
                props)) {
            TestInputTopic<String, RawArticle> raw = driver.createInputTopic(topics.raw().name(),
                    new StringSerializer(), topics.raw().valueSerde().serializer());
            TestOutputTopic<String, EnrichedArticle> enriched = driver.createOutputTopic(topics.enriched().name(),
                    topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
            for (int i = 0; i < sent.size(); i++) {
                raw.pipeInput(sent.get(i).raw().id(), sent.get(i).raw(), T0.plus(Duration.ofMinutes(i)));
            }
            for (KeyValue<String, EnrichedArticle> kv : enriched.readKeyValuesToList()) {
                latest.put(kv.key, kv.value);
            }
        }
        return latest;
    }

    /**
     * The corpus as feeds send it, with the original each copy was made from (null for originals and updates),
     * and one in ten originals re-sent 1 to 40 stories later by another agency with small edits.
     */
    private static List<Sent> corpusWithResentCopies(Corpus corpus, Random random) {
        Map<String, String> originalByTitle = new HashMap<>();
        List<Sent> sent = new ArrayList<>();
        for (CorpusArticle a : corpus.articles()) {
            String originalId = null;
            String source = "newsflow";
            if (a.kind() == CorpusArticle.Kind.ORIGINAL) {
                originalByTitle.put(a.title() + "@" + a.publishedAt(), ArticleId.of(source, a.guid()));
            } else if (a.kind() == CorpusArticle.Kind.NEAR_DUPLICATE) {
                // The generator titles another desk's rewrite "UPDATED: <title>" and dates it ten minutes on.
                source = "desk";
                originalId = originalByTitle.get(a.title().substring("UPDATED: ".length()) + "@"
                        + a.publishedAt().minusSeconds(600));
                assertThat(originalId).as("original of %s", a.guid()).isNotNull();
            }
            sent.add(new Sent(raw(source, a.guid(), a.version(), a.title(), a.body()), originalId));
        }
        List<Sent> withResent = new ArrayList<>(sent);
        for (Sent s : sent) {
            if (s.originalId() == null && s.raw().version() == 1 && random.nextDouble() < RESENT_SHARE) {
                RawArticle copy = raw("agency2", "re-" + s.raw().guid(), 1, s.raw().title(), lightlyEdited(s.raw().body(), random));
                int at = Math.min(withResent.size(), withResent.indexOf(s) + 1 + random.nextInt(40));
                withResent.add(at, new Sent(copy, s.id()));
            }
        }
        return withResent;
    }

    /** Another agency's dateline, three words swapped for others, and the last paragraph cut. */
    private static String lightlyEdited(String body, Random random) {
        String[] paragraphs = body.split("\n\n");
        String kept = paragraphs.length > 2 ? String.join("\n\n", List.of(paragraphs).subList(0, paragraphs.length - 1)) : body;
        String[] words = kept.replaceFirst("^[A-Z ]+ \\(Newsflow\\) - ", "LONDON (Agency Two) - ").split(" ");
        for (int i = 0; i < 3; i++) {
            words[random.nextInt(words.length)] = "reportedly";
        }
        return String.join(" ", words);
    }

    private static RawArticle raw(String source, String guid, long version, String title, String body) {
        return RawArticle.builder().id(ArticleId.of(source, guid)).source(source).guid(guid).version(version)
                .contentType("application/json").title(title).body(body).language("en").pubstatus(PubStatus.USABLE)
                .build();
    }

    /** One record as sent, and the id of the story it copies (null when it copies none). */
    private record Sent(RawArticle raw, String originalId) {
        String id() {
            return raw.id();
        }
    }
}
