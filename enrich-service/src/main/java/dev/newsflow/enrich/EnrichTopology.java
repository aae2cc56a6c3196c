package dev.newsflow.enrich;

import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topic;
import dev.newsflow.core.Topics;
import dev.newsflow.enrich.dedup.BandIndex;
import dev.newsflow.enrich.dedup.BandRouter;
import dev.newsflow.enrich.dedup.CopyResolver;
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
 * The enrich stream: {@code news.articles.raw} → enrich → dedup → {@code news.articles.enriched}. A
 * pure function of its inputs: no I/O, no {@code KafkaStreams}; tests run it in {@code TopologyTestDriver}.
 *
 * <p>A record that cannot be read or enriched goes to {@code news.deadletter} through Kafka Streams'
 * own dead letter queue (KIP-1034): the source's deserializer and {@link EnrichProcessor} throw, and the
 * handlers that {@link EnrichDeadLetters#streamsConfig} installs have Kafka Streams write the record as
 * it came, with the reason and its origin, in the same transaction as everything else. The topology
 * therefore has no dead letter branch of its own.
 *
 * <p>Dedup must compare each article with every recent one, yet state stores are per partition. So instead of
 * gathering all articles in one place, it looks them up by their fingerprint's LSH band keys, and each band key
 * lives on one partition; every step runs on as many partitions as the raw topic has:
 * <ol>
 *   <li>{@link BandRouter}, right after the enrich step (keyed by id): sends the article on to the enriched topic
 *       at once, unmarked, holds it, and sends one {@code BandOp} per band key through the {@value #BANDS_TOPIC}
 *       repartition topic; an update or a withdrawal also takes back the band entries of the previous version.</li>
 *   <li>{@link BandIndex}, keyed by band key: answers which close articles share that key, keyed by article id
 *       through {@value #ANSWERS_TOPIC}, and files the article under the key.</li>
 *   <li>{@link CopyResolver}, keyed by id, in the same sub-topology as the router (they share its stores):
 *       once all bands of a version answered and they name an original, sends that version again with
 *       {@code duplicate_of} set, if it is still the id's latest.</li>
 * </ol>
 * So an article is readable on the enriched topic after one exactly-once commit, not after the three that the
 * check takes (enrich, band lookup, resolve); a copy follows, marked, after those three. All of it is one topology
 * under exactly-once, its state in stores with changelogs. Every version and tombstone of an id goes out from the
 * router, in the raw topic's order.
 */
public final class EnrichTopology {

    static final String SOURCE = "raw-source";
    /** The enrich step: the only processor whose failures are the record's, and so dead letters. */
    static final String PROCESSOR = "enrich";
    static final String ROUTER = "dedup-route";
    static final String TO_BANDS = "dedup-to-bands";
    static final String TO_ENRICHED = "dedup-to-enriched";
    static final String BANDS_TOPIC = "dedup-bands";
    static final String BAND_INDEX = "dedup-band-index";
    static final String ANSWERS_TOPIC = "dedup-answers";
    static final String RESOLVER = "dedup-resolve";
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
        addStore(builder, BandRouter.KNOWN, BandRouter.knownSerde());
        addStore(builder, BandIndex.BANDS, BandIndex.membersSerde());
        addStore(builder, CopyResolver.PENDING, CopyResolver.pendingSerde());
        addStore(builder, CopyResolver.TALLIES, CopyResolver.tallySerde());

        Topic<String, RawArticle> raw = topics.raw();
        KStream<byte[], byte[]> routed = builder.stream(raw.name(), Consumed.with(raw.keySerde(), raw.valueSerde()).withName(SOURCE))
                .process(() -> new EnrichProcessor(topics, enricher, recordBudget, meters), Named.as(PROCESSOR))
                .process(() -> new BandRouter(dedupRetention, TO_BANDS, TO_ENRICHED), Named.as(ROUTER),
                        BandRouter.KNOWN, CopyResolver.PENDING, CopyResolver.TALLIES);
        // No partition counts below: Streams gives each repartition topic as many partitions as the raw topic.
        // The two pass-through filters are named children, so that BandRouter can send each record to one of them.
        KStream<byte[], byte[]> marked = routed.filter((k, v) -> true, Named.as(TO_BANDS))
                .repartition(Repartitioned.with(bytes, bytes).withName(BANDS_TOPIC))
                .process(() -> new BandIndex(dedupRetention), Named.as(BAND_INDEX), BandIndex.BANDS)
                .repartition(Repartitioned.with(bytes, bytes).withName(ANSWERS_TOPIC))
                .process(() -> new CopyResolver(topics, meters), Named.as(RESOLVER),
                        CopyResolver.PENDING, CopyResolver.TALLIES, BandRouter.KNOWN);
        routed.filter((k, v) -> true, Named.as(TO_ENRICHED))
                .merge(marked, Named.as("dedup-articles-and-copies"))
                .to(topics.enriched().name(), Produced.with(bytes, bytes).withName(ENRICHED_SINK));
        return builder.build();
    }

    private static <V> void addStore(StreamsBuilder builder, String name, Serde<V> values) {
        // No record cache: every store here is read back by the very next records (dedup's own lookups), so a
        // cache would only hold memory; the changelog gets each write within the transaction either way.
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
                .withCachingDisabled());
    }
}
