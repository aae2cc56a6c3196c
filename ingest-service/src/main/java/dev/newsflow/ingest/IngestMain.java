package dev.newsflow.ingest;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import dev.newsflow.core.Metrics;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.ServiceHttp;
import dev.newsflow.core.TopicInitializer;
import dev.newsflow.core.Topic;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts ingest-service: configuration from the environment, topics, producer, HTTP. */
public final class IngestMain {

    private static final Logger log = LoggerFactory.getLogger(IngestMain.class);
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

    private IngestMain() {
    }

    public static void main(String[] args) {
        IngestConfig config;
        try {
            config = IngestConfig.fromEnv(new Env(System.getenv()));
        } catch (ConfigException e) {
            log.error("cannot start ingest-service: {}", e.getMessage());
            System.exit(2);
            return;
        }
        Topic<String, RawArticle> raw = config.kafka().topics().raw();
        Admin admin = Admin.create(config.adminProperties());
        TopicInitializer.ensure(admin, config.kafka(), config.kafkaTimeout());
        Producer<String, RawArticle> producer = new KafkaProducer<>(config.producerProperties(),
                raw.keySerde().serializer(), raw.valueSerde().serializer());

        PrometheusMeterRegistry registry = Metrics.registry("ingest-service");
        ApiKeys keys = new ApiKeys(config.keys());
        Javalin app = ServiceHttp.create(registry, Map.of("kafka", new KafkaReadiness(admin, READINESS_TIMEOUT)));
        new IngestRoutes(keys, ArticleParsers.standard(), new ArticlePublisher(producer, raw.name(), config.kafkaTimeout()),
                new IngestMetrics(registry, InstantSource.system(), keys.sources()), config.maxBytes(),
                InstantSource.system()).addTo(app);

        // HTTP first, so no request is accepted once the producer is closing.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            producer.close(config.kafkaTimeout());
            admin.close(READINESS_TIMEOUT);
        }, "ingest-shutdown"));
        app.start(config.port());
        log.info("ingest-service listening on port {}, writing to {} at {}, sources {}",
                app.port(), raw.name(), config.kafka().bootstrap(), keys.sources());
    }
}
