package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsflow.core.ServiceHttpServer;
import dev.newsflow.core.TopicInitializer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index service, running: its topics and index made sure of, the indexer's poll thread, and the
 * HTTP API with search. {@link IndexMain} and the integration tests start the very same object.
 */
public final class IndexService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexService.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_THREAD_STOP = Duration.ofSeconds(60);

    private final Admin admin;
    private final ElasticsearchClient es;
    private final ElasticsearchClient searchEs;
    private final Producer<byte[], byte[]> deadLetters;
    private final KafkaClientMetrics consumerMetrics;
    private final ScheduledExecutorService metricsRefresh;
    private final ArticleIndexer indexer;
    private final Thread pollThread;
    private final ServiceHttpServer http;

    private IndexService(IndexConfig config, PrometheusMeterRegistry registry) throws IOException, InterruptedException {
        admin = Admin.create(IndexKafka.admin(config));
        TopicInitializer.ensure(admin, config.kafka(), STARTUP_TIMEOUT);
        es = ElasticsearchClients.create(config.elasticsearch(), config.credentials(), config.trust());
        IndexManager indexManager = IndexManager.of(es, config);
        indexManager.awaitReachable(STARTUP_TIMEOUT);
        indexManager.ensure();

        deadLetters = new KafkaProducer<>(IndexKafka.deadLetterProducer(config));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(IndexKafka.consumer(config));
        // The consumer's own metrics, among them records-lag per partition (kafka_consumer_fetch_manager_records_lag).
        // Partition metrics appear only once partitions are assigned: look for new ones every 10 s, not every minute.
        metricsRefresh = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kafka-metrics-refresh");
            thread.setDaemon(true);
            return thread;
        });
        consumerMetrics = new KafkaClientMetrics(consumer, List.of(), metricsRefresh, Duration.ofSeconds(10));
        consumerMetrics.bindTo(registry);
        indexer = new ArticleIndexer(consumer, deadLetters, es, config, new IndexerMetrics(registry), Clock.systemUTC());
        pollThread = new Thread(indexer, "index-poll");
        searchEs = ElasticsearchClients.forSearch(config.elasticsearch(), config.credentials(), config.trust(), config.search());
        ArticleSearch search = new ArticleSearch(searchEs, config.alias(), config.search(), InstantSource.system());
        SearchGate gate = new SearchGate(config.search().maxConcurrent(), registry);
        http = ServiceHttpServer.create(registry, Map.of(
                        "elasticsearch", ReadinessChecks.elasticsearch(es),
                        "kafka", ReadinessChecks.kafka(admin),
                        "indexer", this::indexerProblem),
                routes -> IndexRoutes.register(routes, search, gate), config.management());
    }

    /**
     * Makes sure of the topics and the index, then starts indexing and serving HTTP on the configured port
     * (0: any free one, see {@link #port()}).
     */
    public static IndexService start(IndexConfig config, PrometheusMeterRegistry registry)
            throws IOException, InterruptedException {
        IndexService service = new IndexService(config, registry);
        service.pollThread.start();
        service.http.start(config.port());
        log.info("index service listening on port {}", service.port());
        return service;
    }

    /**
     * The indexer is not ready when its thread has stopped, or while the group has given it no partition
     * (it is joining, or there are more index instances than partitions and this one is idle).
     */
    private Optional<String> indexerProblem() {
        if (!pollThread.isAlive()) {
            return Optional.of("the indexer stopped; see the log");
        }
        return indexer.assignedPartitions() > 0 ? Optional.empty()
                : Optional.of("no partition assigned (joining the group, or more instances than partitions)");
    }

    /** The port HTTP listens on. */
    public int port() {
        return http.port();
    }

    /** Stops indexing (the indexer commits what Elasticsearch confirmed), then HTTP, then the clients. */
    @Override
    public void close() {
        indexer.shutdown();
        try {
            pollThread.join(POLL_THREAD_STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while waiting for the indexer to stop");
        }
        consumerMetrics.close();
        metricsRefresh.shutdown();
        http.stop();
        deadLetters.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(5));
        for (ElasticsearchClient client : List.of(searchEs, es)) {
            try {
                client.close();
            } catch (IOException e) {
                log.warn("closing an Elasticsearch client failed: {}", e.toString());
            }
        }
    }
}
