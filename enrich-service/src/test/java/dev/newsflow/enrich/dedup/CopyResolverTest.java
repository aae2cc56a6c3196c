package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.JsonSerde;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CopyResolver} alone: versions held as {@link BandRouter} holds them, answers in any order. The articles
 * themselves went out when they were held; the resolver sends only the copies, marked.
 */
class CopyResolverTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final Topics topics = Topics.withPrefix("test.");
    private final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
    private int duplicates;
    private final CopyResolver resolver = new CopyResolver(topics, () -> duplicates++);
    private KeyValueStore<String, KnownArticle> known;
    private HeldVersions held;

    @BeforeEach
    void init() {
        addStore(CopyResolver.PENDING, CopyResolver.pendingSerde());
        addStore(CopyResolver.TALLIES, CopyResolver.tallySerde());
        known = addStore(BandRouter.KNOWN, new JsonSerde<>(KnownArticle.class));
        held = new HeldVersions(context);
        resolver.init(context);
    }

    @Test
    void aCopyIsSentAgainMarkedOnceAllItsBandsAnswered() {
        hold("b", 10, 2, 1);
        resolver.process(answer("b", 10));
        assertThat(context.forwarded()).isEmpty();

        resolver.process(answer("b", 10, new Candidate("a", T0, true, 3)));

        assertThat(sent()).extracting(a -> a.version() + ":" + a.duplicateOf()).containsExactly("1:a");
        assertThat(duplicates).isEqualTo(1);
    }

    @Test
    void anOriginalIsNotSentAgainAndIsNoLongerHeld() {
        hold("b", 10, 1, 1);
        resolver.process(answer("b", 10));

        assertThat(context.forwarded()).isEmpty();
        assertThat(context.<KeyValueStore<String, ?>>getStateStore(CopyResolver.PENDING).approximateNumEntries()).isZero();
        assertThat(context.<KeyValueStore<String, ?>>getStateStore(CopyResolver.TALLIES).approximateNumEntries()).isZero();
    }

    @Test
    void aCopySupersededByItsUpdateIsNotMarkedOverIt() {
        hold("b", 10, 1, 1);
        hold("b", 11, 1, 2);
        resolver.process(answer("b", 10, new Candidate("a", T0, true, 3)));
        assertThat(context.forwarded()).isEmpty();

        resolver.process(answer("b", 11, new Candidate("a", T0, true, 3)));

        assertThat(sent()).extracting(a -> a.version() + ":" + a.duplicateOf()).containsExactly("2:a");
    }

    @Test
    void aCopyWithdrawnBeforeItsCheckEndedIsNotSentAgain() {
        hold("b", 10, 1, 1);
        known.delete("b");

        resolver.process(answer("b", 10, new Candidate("a", T0, true, 3)));

        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void aLaterCandidateIsTheOriginalOnlyWhenItWasFiledInEveryBandTheyShare() {
        hold("b", 10, 3, 1);
        resolver.process(answer("b", 10, new Candidate("c", T0.plusSeconds(9), false, 2)));
        resolver.process(answer("b", 10, new Candidate("c", T0.plusSeconds(9), false, 2)));
        resolver.process(answer("b", 10));
        hold("d", 20, 2, 1);
        resolver.process(answer("d", 20, new Candidate("c", T0.plusSeconds(9), false, 2)));
        resolver.process(answer("d", 20));

        assertThat(sent()).extracting(a -> a.id() + ":" + a.duplicateOf()).containsExactly("b:c");
    }

    @Test
    void theEarliestOfTheNamedCandidatesIsTheOriginal() {
        hold("d", 10, 2, 1);
        resolver.process(answer("d", 10, new Candidate("c", T0.plusSeconds(2), true, 5)));
        resolver.process(answer("d", 10, new Candidate("a", T0, true, 5), new Candidate("c", T0.plusSeconds(2), true, 5)));

        assertThat(sent()).extracting(EnrichedArticle::duplicateOf).containsExactly("a");
    }

    @SuppressWarnings("unchecked")
    private <V> KeyValueStore<String, V> addStore(String name, Serde<?> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), (Serde<V>) serde)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    /** What {@link BandRouter} does as version {@code seq} of {@code id} goes out: it becomes the latest, held. */
    private void hold(String id, long seq, int answers, long version) {
        EnrichedArticle article = EnrichedArticle.builder().id(id).source("s").guid(id).version(version).body("text").build();
        held.hold(id, seq, new Record<>(id.getBytes(StandardCharsets.UTF_8),
                topics.enriched().valueSerde().serializer().serialize(null, article), T0.toEpochMilli()), answers);
        known.put(id, new KnownArticle(T0, T0, seq, null));
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
