package dev.newsflow.enrich;

import dev.newsflow.core.JsonSerde;
import dev.newsflow.core.Topics;
import dev.newsflow.enrich.dedup.DedupProcessor;
import dev.newsflow.enrich.dedup.SeenArticle;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich stream: {@code news.articles.raw} → enrich → dedup → {@code news.articles.enriched}, and
 * every record that cannot be read or enriched → {@code news.deadletter}. A pure function of its
 * inputs: no I/O, no {@code KafkaStreams}; tests run it in {@code TopologyTestDriver}.
 *
 * <p>Records stay bytes end to end because a failed record must leave with its original bytes and a
 * reason, and the stream go on: {@link EnrichProcessor} deserializes, enriches and serializes itself,
 * and forwards by name either to the dead letter sink or on towards dedup.
 *
 * <p>Dedup must compare each article with every recent one, but state stores are per partition and
 * articles are spread over partitions by id. So enriched records (tombstones too, to keep each id's
 * order) pass through an internal repartition topic of ONE partition to {@link DedupProcessor}, whose
 * stores thus see all articles. Keys stay the article ids, so the sink needs no re-keying. The costly
 * work, enriching and fingerprinting, stays parallel; the single partition only does store lookups.
 */
public final class EnrichTopology {

    static final String SOURCE = "raw-source";
    static final String PROCESSOR = "enrich";
    /** The first step after enrichment; {@link EnrichProcessor} forwards articles to it by this name. */
    static final String TO_DEDUP = "to-dedup";
    static final String DEDUP_TOPIC = "dedup";
    static final String DEDUP = "dedup";
    static final String ENRICHED_SINK = "enriched-sink";
    static final String DEADLETTER_SINK = "deadletter-sink";
    /** How long fingerprints are kept when the caller does not say (EnrichConfig's default). */
    static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofDays(7);

    private EnrichTopology() {
    }

    /** The topology counting enriched articles, withdrawals, duplicates and dead letters in the registry. */
    public static Topology build(Topics topics, Enricher enricher, MeterRegistry registry) {
        return build(topics, enricher, DEFAULT_DEDUP_RETENTION, registry);
    }

    /** The topology keeping fingerprints for {@code dedupRetention}. */
    public static Topology build(Topics topics, Enricher enricher, Duration dedupRetention, MeterRegistry registry) {
        EnrichMeters meters = new EnrichMeters(registry);
        Serde<byte[]> bytes = Serdes.ByteArray();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.ARTICLES),
                Serdes.String(), new JsonSerde<>(SeenArticle.class)).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.BANDS),
                Serdes.String(), Serdes.String()).withCachingDisabled());

        KStream<byte[], byte[]> outcomes = builder
                .stream(topics.raw().name(), Consumed.with(bytes, bytes).withName(SOURCE))
                .process(() -> new EnrichProcessor(topics, enricher, meters), Named.as(PROCESSOR));
        outcomes.to(topics.deadletter().name(), Produced.with(bytes, bytes).withName(DEADLETTER_SINK));
        // A step of our own, doing nothing, heads the enriched branch: the repartition's own nodes are
        // named by Kafka Streams, and the enrich processor needs a name to forward to.
        outcomes.peek((id, article) -> { }, Named.as(TO_DEDUP))
                .repartition(Repartitioned.with(bytes, bytes).withName(DEDUP_TOPIC).withNumberOfPartitions(1))
                .process(() -> new DedupProcessor(topics, dedupRetention, meters), Named.as(DEDUP),
                        DedupProcessor.ARTICLES, DedupProcessor.BANDS)
                .to(topics.enriched().name(), Produced.with(bytes, bytes).withName(ENRICHED_SINK));
        return builder.build();
    }
}
