package dev.newsflow.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.newsflow.index.ElasticsearchClients;
import dev.newsflow.core.EsCredentials;
import dev.newsflow.stack.LocalStack;
import dev.newsflow.stack.StackEndpoints;
import dev.newsflow.stack.StackSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./newsflow bench}: starts the local stack (or uses the running one named by
 * {@code NEWSFLOW_KAFKA_BOOTSTRAP} and {@code NEWSFLOW_ES_URL}), generates the corpus, measures every
 * stage beside its raw ceiling, prints the table and writes it as Markdown and JSON.
 */
@Command(name = "newsflow bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures ingest, enrich, index, end to end, search and cost on this machine, each beside its raw ceiling.",
        footerHeading = "%nEnvironment:%n",
        footer = {"NEWSFLOW_KAFKA_BOOTSTRAP and NEWSFLOW_ES_URL (both set): use that running stack instead of starting one.",
                "NEWSFLOW_HOME: where the Elasticsearch distribution is cached (default ~/.newsflow)."})
public final class BenchCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);

    @Option(names = "--articles", paramLabel = "N", description = "corpus size (default: ${DEFAULT-VALUE})")
    int articles = 2000;

    @Option(names = "--rate", paramLabel = "R", description = "offered articles/s of the fixed-rate latency run (default: ${DEFAULT-VALUE})")
    int rate = 50;

    @Option(names = "--report", paramLabel = "FILE", description = "the Markdown report; JSON goes beside it (default: ${DEFAULT-VALUE})")
    Path report = Path.of("bench-report.md");

    @Option(names = "--clients", paramLabel = "C", description = "concurrent HTTP clients for ingest and search (default: ${DEFAULT-VALUE})")
    int clients = 4;

    @Option(names = "--batch", paramLabel = "B", description = "articles per NDJSON request (default: ${DEFAULT-VALUE})")
    int batch = 100;

    @Option(names = "--searches", paramLabel = "Q", description = "timed search requests (default: ${DEFAULT-VALUE})")
    int searches = 400;

    @Option(names = "--seed", description = "corpus seed; the same seed gives the same corpus (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--profile", paramLabel = "DIR", description = "record JFR of every service into DIR and name the hotspots")
    Path profile;

    @Option(names = "--stage", paramLabel = "STAGE", description = "all, or one stage alone: enrich (the corpus goes"
            + " into its topic through ingest, untimed) or end_to_end (default: ${DEFAULT-VALUE})")
    BenchStage stage = BenchStage.ALL;

    private final Map<String, String> env;

    public BenchCommand(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        // Ctrl-C mid-run must not leave the stack and the services running: they are this run's children.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly), "bench-cleanup"));
        System.exit(new CommandLine(new BenchCommand(System.getenv())).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (articles < 100 || rate < 1 || clients < 1 || batch < 1 || searches < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--articles must be at least 100; --rate, --clients, --batch and --searches at least 1");
        }
        Instant startedAt = Instant.now();
        long startNanos = System.nanoTime();
        BenchSettings settings = new BenchSettings(articles, rate, clients, batch, searches, seed,
                report.toAbsolutePath(), profile == null ? null : profile.toAbsolutePath(), stage);
        Path work = Files.createTempDirectory("newsflow-bench-");
        Corpus corpus = new CorpusGenerator(seed).generate(articles);
        log.info("corpus: {} articles ({} near-duplicates, {} updates), {} bytes of JSON on average; work folder {}",
                corpus.size(), corpus.count(CorpusArticle.Kind.NEAR_DUPLICATE), corpus.count(CorpusArticle.Kind.UPDATE),
                corpus.meanJsonBytes(), work);
        LocalStack local = null;
        StackEndpoints endpoints;
        if (env.get("NEWSFLOW_KAFKA_BOOTSTRAP") != null && env.get("NEWSFLOW_ES_URL") != null) {
            endpoints = new StackEndpoints(env.get("NEWSFLOW_KAFKA_BOOTSTRAP"), env.get("NEWSFLOW_ES_URL"));
            log.info("using the running stack: Kafka {}, Elasticsearch {}", endpoints.kafkaBootstrap(), endpoints.elasticsearchUrl());
        } else {
            local = LocalStack.start(stackSettings(work));
            endpoints = local.endpoints();
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrap()));
             ElasticsearchClient es = ElasticsearchClients.create(URI.create(endpoints.elasticsearchUrl()), EsCredentials.NONE)) {
            BenchContext context = new BenchContext(endpoints, settings, corpus, run, work, admin, es,
                    new CopyOnWriteArrayList<>());
            BenchReport result = new BenchRun(context).run(startedAt, startNanos, Machine.describe());
            write(result);
        } finally {
            if (local != null) {
                local.close();
            }
        }
        return 0;
    }

    private StackSettings stackSettings(Path work) {
        Path home = Path.of(env.getOrDefault("NEWSFLOW_HOME", System.getProperty("user.home") + "/.newsflow"));
        StackSettings test = StackSettings.forTests(work.resolve("stack"), home.resolve("cache"));
        // The defaults of ./newsflow up rather than the tests' smaller heaps: this is a load run.
        return new StackSettings(test.home(), test.cache(), test.kafkaPort(), test.controllerPort(), test.esHttpPort(),
                test.esTransportPort(), "768m", "1g", test.startTimeout());
    }

    /** The table on standard output (this is a command, its output is the product), and both files. */
    private void write(BenchReport result) throws IOException {
        String markdown = MarkdownReport.render(result);
        Path markdownFile = result.settings().report();
        if (markdownFile.getParent() != null) {
            Files.createDirectories(markdownFile.getParent());
        }
        Files.writeString(markdownFile, markdown, StandardCharsets.UTF_8);
        Files.writeString(result.settings().jsonReport(), JsonReport.render(result), StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        out.println(markdown);
        out.println("Report: " + markdownFile + " and " + result.settings().jsonReport());
    }
}
