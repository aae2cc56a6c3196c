package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsflow.core.Env;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./newsflow reindex [--delete-old]}: rebuilds the index behind the alias from the enriched
 * topic and swaps the alias (see {@link Reindexer}). Reads the same environment as the service.
 */
public final class ReindexMain {

    private static final Logger log = LoggerFactory.getLogger(ReindexMain.class);
    private static final String USAGE = "usage: newsflow reindex [--delete-old]\n"
            + "  builds the next versioned index from the enriched topic, then moves the alias to it;\n"
            + "  the old index is kept (for a rollback) unless --delete-old is given";

    private ReindexMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args);
        if (flags.contains("--help") || !List.of("--delete-old").containsAll(flags)) {
            System.err.println(USAGE);
            System.exit(flags.contains("--help") ? 0 : 2);
        }
        IndexConfig config = IndexConfig.fromEnv(new Env(System.getenv()));
        try (Admin admin = Admin.create(IndexKafka.admin(config));
             ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearchUrl(), config.credentials());
             var deadLetters = new KafkaProducer<byte[], byte[]>(IndexKafka.deadLetterProducer(config))) {
            var reindexer = new Reindexer(es, admin, config,
                    group -> new KafkaConsumer<>(IndexKafka.consumer(config, group)), deadLetters,
                    new IndexerMetrics(new SimpleMeterRegistry()));
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                reindexer.shutdown();
                try {
                    main.join(Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "reindex-shutdown"));
            IndexManager.of(es, config).awaitReachable(Duration.ofSeconds(60));
            Reindexer.Result result = reindexer.run(flags.contains("--delete-old"));
            log.info("re-index done: {} -> {}, {} documents{}", result.from(), result.to(), result.documents(),
                    result.oldDeleted() ? ", old index deleted" : ", old index kept");
        }
    }
}
