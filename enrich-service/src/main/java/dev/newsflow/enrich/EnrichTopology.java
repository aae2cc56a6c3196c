package dev.newsflow.enrich;

import dev.newsflow.core.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;

/**
 * The enrich stream: {@code news.articles.raw} → enrich → {@code news.articles.enriched}, and every
 * record that cannot be read or enriched → {@code news.deadletter}. A pure function of its inputs:
 * no I/O, no {@code KafkaStreams}; tests run it in {@code TopologyTestDriver}.
 *
 * <p>The Processor API rather than the DSL because a failed record must leave with its original
 * bytes and a reason, and the stream go on: the source reads raw bytes, the processor deserializes,
 * enriches and serializes itself, and forwards to one of two byte sinks.
 */
public final class EnrichTopology {

    static final String SOURCE = "raw-source";
    static final String PROCESSOR = "enrich";
    static final String ENRICHED_SINK = "enriched-sink";
    static final String DEADLETTER_SINK = "deadletter-sink";

    private EnrichTopology() {
    }

    /** The topology without metrics (tests, the CLI's checks). */
    public static Topology build(Topics topics, Enricher enricher) {
        return build(topics, enricher, new SimpleMeterRegistry());
    }

    /** The topology counting enriched articles, withdrawals and dead letters in the registry. */
    public static Topology build(Topics topics, Enricher enricher, MeterRegistry registry) {
        EnrichMeters meters = new EnrichMeters(registry);
        Topology topology = new Topology();
        topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.raw().name());
        topology.addProcessor(PROCESSOR, () -> new EnrichProcessor(topics, enricher, meters), SOURCE);
        topology.addSink(ENRICHED_SINK, topics.enriched().name(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
        topology.addSink(DEADLETTER_SINK, topics.deadletter().name(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
        return topology;
    }
}
