package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsflow.core.Env;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./newsflow reindex [--delete-old]}: rebuilds the index behind the alias from the enriched
 * topic and swaps the alias (see {@link Reindexer}). Reads the same environment as the service.
 */
@Command(name = "newsflow reindex", mixinStandardHelpOptions = true,
        description = "Builds the next versioned index from the enriched topic, then moves the alias to it.",
        footerHeading = "%nEnvironment:%n",
        footer = "the index service's: NEWSFLOW_KAFKA_BOOTSTRAP, NEWSFLOW_ES_URL, NEWSFLOW_INDEX_ALIAS, ... (README)")
public final class ReindexMain implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ReindexMain.class);

    @Option(names = "--delete-old", description = "delete the old index once the alias has moved (default: keep it for a rollback)")
    boolean deleteOld;

    private final Map<String, String> env;

    ReindexMain(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReindexMain(System.getenv())).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        IndexConfig config = IndexConfig.fromEnv(new Env(env));
        try (Admin admin = Admin.create(IndexKafka.admin(config));
             ElasticsearchClient es = ElasticsearchClients.create(config.elasticsearch(), config.credentials(), config.trust());
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
            Reindexer.Result result = reindexer.run(deleteOld);
            log.info("re-index done: {} -> {}, {} documents{}", result.from(), result.to(), result.documents(),
                    result.oldDeleted() ? ", old index deleted" : ", old index kept");
        }
        return 0;
    }
}
