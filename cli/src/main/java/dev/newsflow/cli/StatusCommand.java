package dev.newsflow.cli;

import dev.newsflow.core.Env;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow status}: topics, consumer lag, dead letters, the index, the sources' freshness and the
 * services' readiness on one screen; the exit code says whether all is well, so scripts can use it.
 */
@Command(name = "newsflow status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows the pipeline at a glance and exits non-zero when something is unhealthy.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:healthy (warnings allowed unless --strict)", "1:something is unhealthy",
                "2:wrong options or configuration",
                "3:degraded: serving, but a broker, node or instance is down or replicas are missing"},
        footerHeading = "%nEnvironment:%n",
        footer = {"NEWSFLOW_KAFKA_BOOTSTRAP, NEWSFLOW_TOPIC_PREFIX, NEWSFLOW_ES_URL, NEWSFLOW_ES_USERNAME/PASSWORD or",
                "NEWSFLOW_ES_API_KEY, NEWSFLOW_INDEX_ALIAS, NEWSFLOW_INGEST_URL, NEWSFLOW_ENRICH_URL, NEWSFLOW_INDEX_URL,",
                "NEWSFLOW_STATUS_SERVICES, NEWSFLOW_QUIET_AFTER, NEWSFLOW_ENRICH_APP_ID, NEWSFLOW_INDEX_GROUP_ID,",
                "NEWSFLOW_CLI_TIMEOUT. NEWSFLOW_ES_URL and the *_URL of the services take comma lists (a cluster)."})
public final class StatusCommand implements Callable<Integer> {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    @Option(names = "--services", paramLabel = "LIST",
            description = "services whose readiness to check: any of ingest,enrich,index, or none"
                    + " (default: $NEWSFLOW_STATUS_SERVICES, else all three)")
    String services;

    @Option(names = "--quiet-after", paramLabel = "DURATION",
            description = "flag sources without articles for longer, e.g. 30m or 6h (default: $NEWSFLOW_QUIET_AFTER, else 1h)")
    Duration quietAfter;

    @Option(names = "--strict", description = "exit 1 on warnings too (quiet sources, dead letters, idle groups)")
    boolean strict;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Clock clock;

    public StatusCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(CommandLines.create(new StatusCommand(System.getenv(), Clock.systemUTC())).execute(args));
    }

    /** The configuration from the environment with the command line's overrides. */
    CliConfig config() {
        CliConfig config = CliConfig.fromEnv(new Env(env));
        if (services != null) {
            config = config.withCheckedServices(CliConfig.serviceNames(services, "--services"));
        }
        if (quietAfter != null) {
            config = config.withQuietAfter(quietAfter);
        }
        return config;
    }

    /** Elasticsearch's own client: its CA (when given) must not decide whom the service probes trust. */
    static HttpClient elasticsearchClient(CliConfig config) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.timeout());
        config.elasticsearchTrust().sslContext().ifPresent(builder::sslContext);
        return builder.build();
    }

    @Override
    public Integer call() {
        CliConfig config = config();
        Admin admin = Admin.create(KafkaClients.admin(config));
        Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.reader(config));
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
             HttpClient elasticsearch = elasticsearchClient(config)) {
            StatusReport report = new StatusCollector(config, admin, consumer, http, elasticsearch, clock).collect();
            new StatusPrinter(spec.commandLine().getOut()).print(report);
            return report.exitCode(strict);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            admin.close(CLOSE_TIMEOUT);
        }
    }
}
