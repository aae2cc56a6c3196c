package dev.newsflow.enrich;

import dev.newsflow.core.HealthCheck;
import dev.newsflow.core.TopicInitializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running enrich stream: the topology in a {@link KafkaStreams} instance configured from
 * {@link EnrichConfig}, its metrics in the registry. {@code EnrichMain} and the integration test
 * start it the same way.
 */
public final class EnrichService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EnrichService.class);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final EnrichConfig config;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;

    public EnrichService(EnrichConfig config, Enricher enricher, MeterRegistry registry) {
        this.config = config;
        Properties properties = config.streamsProperties();
        properties.putAll(EnrichDeadLetters.streamsConfig(config.kafka().topics(), registry));
        this.streams = new KafkaStreams(EnrichTopology.build(config.kafka().topics(), enricher, config.dedupRetention(),
                config.recordBudget(), registry),
                properties);
        // A failure that escapes the processor (a fenced producer, a broker gone for too long) kills one
        // thread; a fresh one resumes from the last commit, which exactly-once makes safe.
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> log.info("Kafka Streams {} -> {}", before, now));
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
    }

    /** Creates missing topics, then starts processing; returns at once, processing goes on in stream threads. */
    public void start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrap()))) {
            TopicInitializer.ensure(admin, config.kafka(), TOPIC_TIMEOUT);
        }
        streams.start();
        log.info("enriching {} into {} as {}", config.kafka().topics().raw().name(),
                config.kafka().topics().enriched().name(), config.applicationId());
    }

    /** Readiness for {@code /health/ready}: the stream is RUNNING. */
    public HealthCheck readiness() {
        return new StreamsReadiness(streams::state);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stops processing, committing what is done, within a bounded time. */
    @Override
    public void close() {
        if (!streams.close(CLOSE_TIMEOUT)) {
            log.warn("Kafka Streams did not stop within {}s", CLOSE_TIMEOUT.toSeconds());
        }
        metrics.close();
    }
}
