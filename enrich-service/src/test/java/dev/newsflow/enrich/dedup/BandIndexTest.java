package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.newsflow.core.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One band key's answers and its bound, on {@link BandIndex} alone. */
class BandIndexTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(2);
    private static final String BAND = "03:00000000000000ff";
    private static final Fingerprint STORY = Fingerprint.of(WireStories.ORIGINAL).orElseThrow();
    private static final Fingerprint COPY = Fingerprint.of(WireStories.EDITED_COPY).orElseThrow();
    private static final Fingerprint OTHER = Fingerprint.of(WireStories.UNRELATED).orElseThrow();

    private final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
    private final BandIndex index = new BandIndex(RETENTION);
    private KeyValueStore<String, BandMembers> store;

    @BeforeEach
    void init() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BandIndex.BANDS), Serdes.String(),
                new JsonSerde<>(BandMembers.class)).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        index.init(context);
    }

    @Test
    void answersTheEarlierCloseArticlesAndFilesTheNewOne() {
        add("a", T0, STORY, true);
        add("x", T0.plusSeconds(5), OTHER, true);
        List<BandAnswer> answers = answers();
        context.resetForwards();

        add("b", T0.plusSeconds(10), COPY, true);

        assertThat(answers).extracting(BandAnswer::candidates).containsOnly(List.of());
        assertThat(answers().getFirst().candidates()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("a");
            assertThat(c.earlier()).isTrue();
            assertThat(c.sharedBands()).isEqualTo(STORY.sharedBands(COPY));
        });
        assertThat(store.get(BAND).members()).extracting(BandMember::id).containsExactlyInAnyOrder("a", "x", "b");
    }

    @Test
    void laterArticlesAreNamedOnlyToAFirstVersion() {
        add("b", T0.plusSeconds(10), COPY, true);
        context.resetForwards();

        add("a", T0, STORY, false);
        add("c", T0.plusSeconds(5), STORY, true);

        assertThat(answers().get(0).candidates()).isEmpty();
        assertThat(answers().get(1).candidates()).extracting(Candidate::id, Candidate::earlier)
                .containsExactlyInAnyOrder(tuple("b", false),
                        tuple("a", true));
    }

    @Test
    void removalTakesTheEntryBackWithoutAnAnswer() {
        add("a", T0, STORY, true);
        context.resetForwards();

        index.process(record(BandOp.remove("a"), T0.plusSeconds(5)));
        add("b", T0.plusSeconds(10), COPY, true);

        assertThat(answers()).singleElement().extracting(BandAnswer::candidates).isEqualTo(List.of());
    }

    @Test
    void aKeySharedByManyStoriesKeepsOnlyTheNewest() {
        for (int i = 0; i < BandIndex.MAX_MEMBERS + 30; i++) {
            add(String.format("a%03d", i), T0.plusSeconds(i), STORY, true);
        }

        assertThat(store.get(BAND).members()).hasSize(BandIndex.MAX_MEMBERS)
                .extracting(BandMember::id).doesNotContain("a000", "a029").contains("a030", "a079");
        assertThat(answers().getLast().candidates()).hasSize(BandIndex.MAX_MEMBERS);
    }

    @Test
    void expiredEntriesAreNeitherNamedNorKept() {
        add("a", T0, STORY, true);
        context.resetForwards();

        add("b", T0.plus(RETENTION).plusSeconds(1), COPY, true);

        assertThat(answers().getFirst().candidates()).isEmpty();
        assertThat(store.get(BAND).members()).extracting(BandMember::id).containsExactly("b");
    }

    private void add(String id, Instant at, Fingerprint fingerprint, boolean firstVersion) {
        index.process(record(BandOp.add(id, 7, new KnownArticle(at, at, 7, fingerprint), firstVersion), at));
    }

    private static Record<byte[], byte[]> record(BandOp op, Instant at) {
        return new Record<>(BAND.getBytes(StandardCharsets.UTF_8), BandRouter.OPS.serializer().serialize(null, op),
                at.toEpochMilli());
    }

    private List<BandAnswer> answers() {
        return context.forwarded().stream()
                .map(f -> BandIndex.ANSWERS.deserializer().deserialize(null, f.record().value())).toList();
    }
}
