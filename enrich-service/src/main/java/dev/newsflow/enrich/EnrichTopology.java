package dev.newsflow.enrich;

import dev.newsflow.core.JsonSerde;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topic;
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
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich stream: {@code news.articles.raw} → enrich → dedup → {@code news.articles.enriched}. A
 * pure function of its inputs: no I/O, no {@code KafkaStreams}; tests run it in {@code TopologyTestDriver}.
 *
 * <p>A record that cannot be read or enriched goes to {@code news.deadletter} through Kafka Streams'
 * own dead letter queue (KIP-1034): the source's deserializer and {@link EnrichProcessor} throw, and the
 * handlers that {@link EnrichDeadLetters#streamsConfig} installs have Kafka Streams write the record as
 * it came, with the reason and its origin, in the same transaction as everything else. The topology
 * therefore has no dead letter branch of its own.
 *
 * <p>Dedup must compare each article with every recent one, but state stores are per partition and
 * articles are spread over partitions by id. So enriched records (tombstones too, to keep each id's
 * order) pass through an internal repartition topic of ONE partition to {@link DedupProcessor}, whose
 * stores thus see all articles. Keys stay the article ids, so the sink needs no re-keying. The costly
 * work, enriching and fingerprinting, stays parallel; the single partition only does store lookups.
 */
public final class EnrichTopology {

    static final String SOURCE = "raw-source";
    /** The enrich step: the only processor whose failures are the record's, and so dead letters. */
    static final String PROCESSOR = "enrich";
    static final String DEDUP_TOPIC = "dedup";
    static final String DEDUP = "dedup";
    static final String ENRICHED_SINK = "enriched-sink";
    /** How long fingerprints are kept when the caller does not say (EnrichConfig's default). */
    static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofDays(7);
    /** How long one record may take to enrich when the caller does not say (EnrichConfig's default). */
    static final Duration DEFAULT_RECORD_BUDGET = Duration.ofSeconds(10);

    private EnrichTopology() {
    }

    /**
     * The topology counting enriched articles, withdrawals and duplicates in the registry (dead letters are
     * counted by the handlers of {@link EnrichDeadLetters}).
     */
    public static Topology build(Topics topics, Enricher enricher, MeterRegistry registry) {
        return build(topics, enricher, DEFAULT_DEDUP_RETENTION, registry);
    }

    /** The topology keeping fingerprints for {@code dedupRetention}. */
    public static Topology build(Topics topics, Enricher enricher, Duration dedupRetention, MeterRegistry registry) {
        return build(topics, enricher, dedupRetention, DEFAULT_RECORD_BUDGET, registry);
    }

    /** The topology keeping fingerprints for {@code dedupRetention} and giving each record {@code recordBudget} to enrich. */
    public static Topology build(Topics topics, Enricher enricher, Duration dedupRetention, Duration recordBudget,
                                 MeterRegistry registry) {
        EnrichMeters meters = new EnrichMeters(registry);
        Serde<byte[]> bytes = Serdes.ByteArray();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.ARTICLES),
                Serdes.String(), new JsonSerde<>(SeenArticle.class)).withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DedupProcessor.BANDS),
                Serdes.String(), Serdes.String()).withCachingDisabled());

        Topic<String, RawArticle> raw = topics.raw();
        builder.stream(raw.name(), Consumed.with(raw.keySerde(), raw.valueSerde()).withName(SOURCE))
                .process(() -> new EnrichProcessor(topics, enricher, recordBudget, meters), Named.as(PROCESSOR))
                .repartition(Repartitioned.with(bytes, bytes).withName(DEDUP_TOPIC).withNumberOfPartitions(1))
                .process(() -> new DedupProcessor(topics, dedupRetention, meters), Named.as(DEDUP),
                        DedupProcessor.ARTICLES, DedupProcessor.BANDS)
                .to(topics.enriched().name(), Produced.with(bytes, bytes).withName(ENRICHED_SINK));
        return builder.build();
    }
}
