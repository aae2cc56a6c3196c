package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.JsonSerde;
import dev.newsflow.core.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Holding, ordering and choosing on {@link CopyResolver} alone, with answers in any order. */
class CopyResolverTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final Topics topics = Topics.withPrefix("test.");
    private final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
    private int duplicates;
    private final CopyResolver resolver = new CopyResolver(topics, () -> duplicates++);

    @BeforeEach
    void init() {
        addStore(CopyResolver.PENDING, new JsonSerde<>(PendingArticle.class));
        addStore(CopyResolver.TALLIES, new JsonSerde<>(AnswerTally.class));
        resolver.init(context);
    }

    @Test
    void anArticleWaitsForAllItsBandsAndALaterVersionWaitsBehindIt() {
        resolver.process(article("b", 10, 2, 1));
        resolver.process(article("b", 11, 0, 2));
        resolver.process(answer("b", 10));
        assertThat(context.forwarded()).isEmpty();

        resolver.process(answer("b", 10, new Candidate("a", T0, true, 3)));

        assertThat(sent()).extracting(a -> a.version() + ":" + a.duplicateOf()).containsExactly("1:a", "2:null");
        assertThat(duplicates).isEqualTo(1);
    }

    @Test
    void answersMayComeBeforeTheirArticle() {
        resolver.process(answer("b", 10));
        resolver.process(article("b", 10, 1, 1));

        assertThat(sent()).extracting(EnrichedArticle::duplicateOf).containsOnlyNulls().hasSize(1);
    }

    @Test
    void aLaterCandidateIsTheOriginalOnlyWhenItWasFiledInEveryBandTheyShare() {
        resolver.process(article("b", 10, 3, 1));
        resolver.process(answer("b", 10, new Candidate("c", T0.plusSeconds(9), false, 2)));
        resolver.process(answer("b", 10, new Candidate("c", T0.plusSeconds(9), false, 2)));
        resolver.process(answer("b", 10));
        resolver.process(article("d", 20, 2, 1));
        resolver.process(answer("d", 20, new Candidate("c", T0.plusSeconds(9), false, 2)));
        resolver.process(answer("d", 20));

        assertThat(sent()).extracting(a -> a.id() + ":" + a.duplicateOf()).containsExactly("b:c", "d:null");
    }

    @Test
    void theEarliestOfTheNamedCandidatesIsTheOriginal() {
        resolver.process(article("d", 10, 2, 1));
        resolver.process(answer("d", 10, new Candidate("c", T0.plusSeconds(2), true, 5)));
        resolver.process(answer("d", 10, new Candidate("a", T0, true, 5), new Candidate("c", T0.plusSeconds(2), true, 5)));

        assertThat(sent()).extracting(EnrichedArticle::duplicateOf).containsExactly("a");
    }

    private <V> void addStore(String name, JsonSerde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }

    private Record<byte[], byte[]> article(String id, long seq, int answers, long version) {
        EnrichedArticle article = EnrichedArticle.builder().id(id).source("s").guid(id).version(version).body("text").build();
        RecordHeaders headers = new RecordHeaders();
        headers.add(BandRouter.SEQ_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
        headers.add(BandRouter.ANSWERS_HEADER, ByteBuffer.allocate(Integer.BYTES).putInt(answers).array());
        return new Record<>(id.getBytes(StandardCharsets.UTF_8),
                topics.enriched().valueSerde().serializer().serialize(null, article), T0.toEpochMilli(), headers);
    }

    private static Record<byte[], byte[]> answer(String id, long seq, Candidate... candidates) {
        return new Record<>(id.getBytes(StandardCharsets.UTF_8),
                BandIndex.ANSWERS.serializer().serialize(null, new BandAnswer(seq, List.of(candidates))), T0.toEpochMilli());
    }

    private List<EnrichedArticle> sent() {
        return context.forwarded().stream()
                .map(f -> topics.enriched().valueSerde().deserializer().deserialize(null, f.record().value())).toList();
    }
}
