package dev.newsflow.enrich;

import dev.newsflow.core.HealthCheck;
import dev.newsflow.core.TopicInitializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
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

    /** Given-up workers that make the service unready (see {@link #workers()}). */
    static final int MAX_ABANDONED_WORKERS = 3;

    private final EnrichConfig config;
    private final MeterRegistry registry;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final StateRestoration restoration = new StateRestoration();

    public EnrichService(EnrichConfig config, Enricher enricher, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
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
        streams.setGlobalStateRestoreListener(restoration);
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
    }

    /** Creates missing topics, then starts processing; returns at once, processing goes on in stream threads. */
    public void start() {
        try (Admin admin = Admin.create(config.kafka().clientProperties(
                Map.of(AdminClientConfig.CLIENT_ID_CONFIG, config.applicationId() + "-topics")))) {
            TopicInitializer.ensure(admin, config.kafka(), TOPIC_TIMEOUT);
        }
        streams.start();
        log.info("enriching {} into {} as {}", config.kafka().topics().raw().name(),
                config.kafka().topics().enriched().name(), config.applicationId());
    }

    /**
     * Readiness for {@code /health/ready}: the stream is RUNNING, this instance holds at least one
     * active task, and none of its stores is being restored. All but a stream shutting down or failed is
     * settling: the group or the restore gets there by itself.
     */
    public HealthCheck readiness() {
        HealthCheck running = new StreamsReadiness(streams::state);
        return new HealthCheck() {
            @Override
            public Optional<String> problem() {
                return running.problem().or(EnrichService.this::unassigned).or(restoration::problem);
            }

            @Override
            public boolean settling() {
                return running.problem().isEmpty() || running.settling();
            }
        };
    }

    private Optional<String> unassigned() {
        return activeTasks() > 0 ? Optional.empty()
                : Optional.of("no active task assigned (more instances than partitions, or waiting for the group)");
    }

    /**
     * Readiness for {@code /health/ready}: fewer than {@link #MAX_ABANDONED_WORKERS} enrichment workers
     * were given up after running past the record budget. Each may still hold a core; a restart frees them.
     */
    public HealthCheck workers() {
        return workers(registry);
    }

    static HealthCheck workers(MeterRegistry registry) {
        return () -> {
            Gauge abandoned = registry.find(EnrichMeters.ABANDONED_WORKERS).gauge();
            double count = abandoned == null ? 0 : abandoned.value();
            return count >= MAX_ABANDONED_WORKERS
                    ? Optional.of((long) count + " enrichment workers ran past the record budget and still run; restart")
                    : Optional.empty();
        };
    }

    /** The active tasks this instance's stream threads hold now. */
    int activeTasks() {
        return streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Stops processing, committing what is done, within a bounded time. An unnamed (dynamic) instance
     * leaves the group, so its tasks move at once rather than after the session timeout; a named
     * (static) one stays, as it is expected back under the same name and gets its tasks back unmoved.
     */
    @Override
    public void close() {
        GroupMembershipOperation membership = config.instanceId().isPresent()
                ? GroupMembershipOperation.REMAIN_IN_GROUP : GroupMembershipOperation.LEAVE_GROUP;
        if (!streams.close(CloseOptions.groupMembershipOperation(membership).withTimeout(CLOSE_TIMEOUT))) {
            log.warn("Kafka Streams did not stop within {}s", CLOSE_TIMEOUT.toSeconds());
        }
        metrics.close();
    }
}
