package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsflow.core.Env;
import dev.newsflow.core.Metrics;
import dev.newsflow.core.ServiceHttp;
import dev.newsflow.core.TopicInitializer;
import io.javalin.Javalin;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
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

/** Starts the index service: configuration, topics, index, the indexer thread and the HTTP API. */
public final class IndexMain {

    private static final Logger log = LoggerFactory.getLogger(IndexMain.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private IndexMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        IndexConfig config = IndexConfig.fromEnv(new Env(System.getenv()));
        log.info("starting with {}", config);
        var registry = Metrics.registry("index-service");
        Admin admin = Admin.create(IndexKafka.admin(config));
        TopicInitializer.ensure(admin, config.kafka(), STARTUP_TIMEOUT);
        ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearchUrl(), config.credentials());
        IndexManager indexManager = IndexManager.of(es, config);
        indexManager.awaitReachable(STARTUP_TIMEOUT);
        indexManager.ensure();

        Producer<byte[], byte[]> deadLetters = new KafkaProducer<>(IndexKafka.deadLetterProducer(config));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(IndexKafka.consumer(config));
        // The consumer's own metrics, among them records-lag per partition (kafka_consumer_fetch_manager_records_lag).
        // Partition metrics appear only once partitions are assigned: look for new ones every 10 s, not every minute.
        ScheduledExecutorService metricsRefresh = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kafka-metrics-refresh");
            thread.setDaemon(true);
            return thread;
        });
        var consumerMetrics = new KafkaClientMetrics(consumer, List.of(), metricsRefresh, Duration.ofSeconds(10));
        consumerMetrics.bindTo(registry);
        var indexer = new ArticleIndexer(consumer, deadLetters, es, config, new IndexerMetrics(registry), Clock.systemUTC());
        Thread pollThread = new Thread(indexer, "index-poll");
        ArticleSearch search = new ArticleSearch(es, config.alias());
        Javalin http = ServiceHttp.create(registry, Map.of(
                "elasticsearch", ReadinessChecks.elasticsearch(es),
                "kafka", ReadinessChecks.kafka(admin),
                "indexer", () -> pollThread.isAlive() ? Optional.empty() : Optional.of("the indexer stopped; see the log")),
                routes -> IndexRoutes.register(routes, search));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            indexer.shutdown();
            join(pollThread);
            consumerMetrics.close();
            metricsRefresh.shutdown();
            http.stop();
            deadLetters.close(Duration.ofSeconds(10));
            admin.close(Duration.ofSeconds(5));
            close(es);
        }, "index-shutdown"));
        pollThread.start();
        http.start(config.port());
        log.info("index service listening on port {}", http.port());
    }

    private static void join(Thread pollThread) {
        try {
            pollThread.join(Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while waiting for the indexer to stop");
        }
    }

    private static void close(ElasticsearchClient es) {
        try {
            es.close();
        } catch (IOException e) {
            log.warn("closing the Elasticsearch client failed: {}", e.toString());
        }
    }
}
