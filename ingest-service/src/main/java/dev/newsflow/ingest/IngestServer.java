package dev.newsflow.ingest;

import dev.newsflow.core.Metrics;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.ServiceHttpServer;
import dev.newsflow.core.Topic;
import dev.newsflow.core.TopicInitializer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ingest-service: its Kafka clients and HTTP server, built from a config. Shared by
 * {@link IngestMain} and the integration tests, so both exercise the same wiring.
 */
public final class IngestServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestServer.class);
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

    private final IngestConfig config;
    private final Admin admin;
    private final Producer<String, RawArticle> producer;
    private final KafkaClientMetrics producerMetrics;
    private final ServiceHttpServer app;

    private IngestServer(IngestConfig config, Admin admin, Producer<String, RawArticle> producer,
                         KafkaClientMetrics producerMetrics, ServiceHttpServer app) {
        this.config = config;
        this.admin = admin;
        this.producer = producer;
        this.producerMetrics = producerMetrics;
        this.app = app;
    }

    /**
     * Creates the topics when missing, then starts the producer and the HTTP server.
     *
     * @throws IllegalStateException when Kafka does not answer within the configured timeout
     */
    public static IngestServer start(IngestConfig config) {
        Topic<String, RawArticle> raw = config.kafka().topics().raw();
        Admin admin = Admin.create(config.adminProperties());
        try {
            TopicInitializer.ensure(admin, config.kafka(), config.kafkaTimeout());
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
        Producer<String, RawArticle> producer = new KafkaProducer<>(config.producerProperties(),
                raw.keySerde().serializer(), raw.valueSerde().serializer());

        PrometheusMeterRegistry registry = Metrics.registry("ingest-service");
        // The producer's own metrics (send rate, errors, request latency, buffer use) as kafka_producer_*.
        KafkaClientMetrics producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
        ApiKeys keys = new ApiKeys(config.keys());
        InflightLimit inflight = new InflightLimit(config.maxInflightBytes(), config.maxInflightRequests());
        inflight.bindTo(registry);
        KafkaBacklog backlog = new KafkaBacklog(config.kafkaBacklogBytes());
        backlog.bindTo(registry);
        IngestRoutes routes = new IngestRoutes(keys, ArticleParsers.standard(),
                new ArticlePublisher(producer, raw.name(), config.kafkaTimeout(), backlog),
                new IngestMetrics(registry, InstantSource.system(), keys.sources()),
                config.maxBytes(), inflight, config.bodyPace(), InstantSource.system());
        ServiceHttpServer app = ServiceHttpServer.create(registry,
                Map.of("kafka", new KafkaReadiness(admin, READINESS_TIMEOUT)), routes::addTo, config.management());
        app.start(config.port());
        log.info("ingest-service listening on port {}, writing to {} at {}, sources {}; at most {} requests and "
                        + "{} bytes in flight, {} bytes awaiting Kafka", app.port(), raw.name(),
                config.kafka().bootstrap(), keys.sources(), config.maxInflightRequests(), config.maxInflightBytes(),
                config.kafkaBacklogBytes());
        return new IngestServer(config, admin, producer, producerMetrics, app);
    }

    /** The management port, when {@code /metrics} is served apart from the public port. */
    public OptionalInt managementPort() {
        return app.managementPort();
    }

    /** The port HTTP listens on; the actual one when the config asked for 0. */
    public int port() {
        return app.port();
    }

    /** Stops HTTP first, so nothing is accepted once the producer is closing, then flushes and closes Kafka. */
    @Override
    public void close() {
        app.stop();
        producer.close(config.kafkaTimeout());
        producerMetrics.close();
        admin.close(READINESS_TIMEOUT);
        log.info("ingest-service stopped");
    }
}
