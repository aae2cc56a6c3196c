package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.JsonSerde;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two copies racing through the band partitions in different orders: whatever the order per band, exactly
 * one of them comes out as the original. {@link BandIndex} and {@link CopyResolver} are driven by hand, one
 * band at a time, as separate partitions would interleave them.
 */
class CopyRaceTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Fingerprint A = Fingerprint.of(WireStories.ORIGINAL).orElseThrow();
    private static final Fingerprint B = Fingerprint.of(WireStories.EDITED_COPY).orElseThrow();

    private final Topics topics = Topics.withPrefix("test.");

    /** {@code bFirst}: in how many of the shared bands the later-stamped copy b is filed before a. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 100})
    void exactlyOneOriginalWhateverTheOrderPerBand(int bFirst) {
        List<String> shared = new ArrayList<>(A.bandKeys());
        shared.retainAll(B.bandKeys());
        assertThat(shared).as("the two copies share several bands").hasSizeGreaterThan(2);

        MockProcessorContext<byte[], byte[]> bands = context();
        BandIndex index = new BandIndex(Duration.ofDays(1));
        addStore(bands, BandIndex.BANDS, new JsonSerde<>(BandMembers.class));
        index.init(bands);
        for (String band : union(A.bandKeys(), B.bandKeys())) {
            boolean bBeforeA = shared.indexOf(band) >= 0 && shared.indexOf(band) < bFirst;
            for (String id : bBeforeA ? List.of("b", "a") : List.of("a", "b")) {
                Fingerprint f = id.equals("a") ? A : B;
                if (f.bandKeys().contains(band)) {
                    Instant at = id.equals("a") ? T0 : T0.plusSeconds(10);
                    index.process(new Record<>(band.getBytes(StandardCharsets.UTF_8), BandRouter.OPS.serializer()
                            .serialize(null, BandOp.add(id, 1, new KnownArticle(at, at, 1, f), true)), at.toEpochMilli()));
                }
            }
        }

        MockProcessorContext<byte[], byte[]> out = context();
        CopyResolver resolver = new CopyResolver(topics, () -> { });
        addStore(out, CopyResolver.PENDING, CopyResolver.pendingSerde());
        addStore(out, CopyResolver.TALLIES, CopyResolver.tallySerde());
        KeyValueStore<String, KnownArticle> known = addStore(out, BandRouter.KNOWN, new JsonSerde<>(KnownArticle.class));
        HeldVersions held = new HeldVersions(out);
        resolver.init(out);
        for (String id : List.of("a", "b")) {
            held.hold(id, 1, article(id), Fingerprint.BANDS);
            known.put(id, new KnownArticle(T0, T0, 1, id.equals("a") ? A : B));
        }
        bands.forwarded().forEach(f -> resolver.process(new Record<>(f.record().key(), f.record().value(), f.record().timestamp())));

        // Both went out unmarked when held; the resolver sends again, marked, the one that is the copy.
        Map<String, String> marked = new TreeMap<>();
        out.forwarded().forEach(f -> {
            EnrichedArticle a = topics.enriched().valueSerde().deserializer().deserialize(null, f.record().value());
            marked.put(a.id(), a.duplicateOf());
        });
        // b filed first in every shared band: a never reached b's lookups, so the later-stamped b is the original.
        assertThat(marked).isEqualTo(bFirst >= shared.size() ? Map.of("a", "b") : Map.of("b", "a"));
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(k -> !all.contains(k)).forEach(all::add);
        return all;
    }

    private Record<byte[], byte[]> article(String id) {
        EnrichedArticle article = EnrichedArticle.builder().id(id).source("s").guid(id).version(1).body("text").build();
        return new Record<>(id.getBytes(StandardCharsets.UTF_8),
                topics.enriched().valueSerde().serializer().serialize(null, article), T0.toEpochMilli());
    }

    private static MockProcessorContext<byte[], byte[]> context() {
        return new MockProcessorContext<>();
    }

    @SuppressWarnings("unchecked")
    private static <V> KeyValueStore<String, V> addStore(MockProcessorContext<byte[], byte[]> context, String name, Serde<?> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), (Serde<V>) serde)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
