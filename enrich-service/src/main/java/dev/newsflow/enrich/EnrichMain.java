package dev.newsflow.enrich;

import dev.newsflow.core.Env;
import dev.newsflow.core.Metrics;
import dev.newsflow.core.ServiceHttpServer;
import dev.newsflow.enrich.entities.EntityTagger;
import dev.newsflow.enrich.topics.TopicTagger;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts enrich-service: the enrich stream and its health and metrics endpoints. */
public final class EnrichMain {

    private static final Logger log = LoggerFactory.getLogger(EnrichMain.class);

    private EnrichMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EnrichConfig config = EnrichConfig.fromEnv(new Env(System.getenv()));
        PrometheusMeterRegistry registry = Metrics.registry("enrich-service");
        // Loads the language, entity and topic models now, so start-up pays for them rather than the first record.
        Enricher enricher = Enricher.timed(registry);
        EntityTagger.shared();
        TopicTagger.loadModel();
        EnrichService service = new EnrichService(config, enricher, registry);
        ServiceHttpServer http = ServiceHttpServer.create(registry,
                Map.of("kafka-streams", service.readiness(), "enrich-workers", service.workers()), routes -> { },
                config.management());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            http.stop();
            stopped.countDown();
        }, "enrich-shutdown"));

        service.start();
        http.start(config.port());
        log.info("enrich-service listening on port {}", http.port());
        stopped.await();
    }
}
