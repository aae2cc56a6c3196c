package dev.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.JsonSerde;
import dev.newsflow.core.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
                            .serialize(null, BandOp.add(id, 1, new KnownArticle(at, at, f), true)), at.toEpochMilli()));
                }
            }
        }

        MockProcessorContext<byte[], byte[]> out = context();
        CopyResolver resolver = new CopyResolver(topics, () -> { });
        addStore(out, CopyResolver.PENDING, new JsonSerde<>(PendingArticle.class));
        addStore(out, CopyResolver.TALLIES, new JsonSerde<>(AnswerTally.class));
        resolver.init(out);
        resolver.process(article("a"));
        resolver.process(article("b"));
        bands.forwarded().forEach(f -> resolver.process(new Record<>(f.record().key(), f.record().value(), f.record().timestamp())));

        Map<String, String> duplicateOf = new TreeMap<>();
        out.forwarded().forEach(f -> {
            EnrichedArticle a = topics.enriched().valueSerde().deserializer().deserialize(null, f.record().value());
            duplicateOf.put(a.id(), String.valueOf(a.duplicateOf()));
        });
        assertThat(duplicateOf).hasSize(2).containsValue("null").satisfiesAnyOf(
                m -> assertThat(m).containsEntry("a", "null").containsEntry("b", "a"),
                m -> assertThat(m).containsEntry("b", "null").containsEntry("a", "b"));
        // b filed first in every shared band: a never reached b's lookups, so the later-stamped b is the original.
        assertThat(duplicateOf.get("b")).isEqualTo(bFirst >= shared.size() ? "null" : "a");
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(k -> !all.contains(k)).forEach(all::add);
        return all;
    }

    private Record<byte[], byte[]> article(String id) {
        EnrichedArticle article = EnrichedArticle.builder().id(id).source("s").guid(id).version(1).body("text").build();
        RecordHeaders headers = new RecordHeaders();
        headers.add(BandRouter.SEQ_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(1).array());
        headers.add(BandRouter.ANSWERS_HEADER, ByteBuffer.allocate(Integer.BYTES).putInt(Fingerprint.BANDS).array());
        return new Record<>(id.getBytes(StandardCharsets.UTF_8),
                topics.enriched().valueSerde().serializer().serialize(null, article), T0.toEpochMilli(), headers);
    }

    private static MockProcessorContext<byte[], byte[]> context() {
        return new MockProcessorContext<>();
    }

    private static <V> void addStore(MockProcessorContext<byte[], byte[]> context, String name, JsonSerde<V> serde) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
