package dev.newsflow.index;

import dev.newsflow.core.EsCredentials;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Env;
import dev.newsflow.core.Json;
import dev.newsflow.core.ServiceHttp;
import dev.newsflow.core.TopicInitializer;
import dev.newsflow.stack.LocalStack;
import dev.newsflow.stack.StackEndpoints;
import dev.newsflow.stack.StackSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of issue 5, measured on this machine; a harness, not a test (nothing here runs in
 * {@code verify}). Usage, from the repository root (a plain JVM: exec:java's class loader hides
 * Kafka's config classes from Kafka):
 * <pre>
 * ./mvnw -q -o -pl index-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/bench.classpath &amp;&amp; cd index-service &amp;&amp; \
 *   /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp target/test-classes:target/classes:$(cat target/bench.classpath) \
 *     dev.newsflow.index.IndexBenchmark [40000 50000 500]
 * </pre>
 * Arguments: articles for the throughput runs (default 40,000), articles for the search run (default
 * 50,000; 0 skips it), timed searches (default 500). It starts its own local stack (1 GiB heaps) unless
 * {@code NEWSFLOW_KAFKA_BOOTSTRAP} and {@code NEWSFLOW_ES_URL} are both set. {@code NEWSFLOW_INDEX_BULK_*}
 * variables reach the indexer, to compare bulk settings.
 * <ol>
 *   <li>the indexer: articles pre-loaded into the enriched topic, then the real {@link ArticleIndexer}
 *       with its default bulk settings, timed from its first commit until every offset is committed;
 *       a first run of the same size into another topic and index warms the JVM up, untimed;</li>
 *   <li>raw {@code _bulk} of the very same documents with the same client, at every bulk size and
 *       number of parallel clients of a grid; the best is the ceiling;</li>
 *   <li>search latency over the HTTP API: a text query, a topic filter and a date range, with all
 *       facets and highlighting, over an index of the search-run size.</li>
 * </ol>
 */
final class IndexBenchmark {

    private static final Logger log = LoggerFactory.getLogger(IndexBenchmark.class);
    private static final int PARTITIONS = 6;
    private static final List<Integer> CLIENTS = List.of(1, 2, 4);
    private static final List<Integer> BULK_SIZES = List.of(500, 1000, 2000);

    private final StackEndpoints stack;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final BenchmarkCorpus corpus = new BenchmarkCorpus(42);
    private final ElasticsearchClient es;

    private IndexBenchmark(StackEndpoints stack) {
        this.stack = stack;
        this.es = ElasticsearchClients.create(URI.create(stack.elasticsearchUrl()), EsCredentials.NONE);
    }

    public static void main(String[] args) throws Exception {
        int throughputArticles = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int searchArticles = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int searches = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        String kafka = System.getenv("NEWSFLOW_KAFKA_BOOTSTRAP");
        String elasticsearch = System.getenv("NEWSFLOW_ES_URL");
        LocalStack local = null;
        StackEndpoints endpoints;
        if (kafka != null && elasticsearch != null) {
            endpoints = new StackEndpoints(kafka, elasticsearch);
        } else {
            StackSettings test = StackSettings.forTests(Files.createTempDirectory("newsflow-bench-"),
                    Path.of(System.getProperty("user.home"), ".newsflow", "cache"));
            local = LocalStack.start(new StackSettings(test.home(), test.cache(), test.kafkaPort(), test.controllerPort(),
                    test.esHttpPort(), test.esTransportPort(), "1g", "1g", test.startTimeout()));
            endpoints = local.endpoints();
        }
        try {
            IndexBenchmark bench = new IndexBenchmark(endpoints);
            List<EnrichedArticle> articles = bench.corpus.articles(bench.run, 0, throughputArticles);
            long bytes = 0;
            for (EnrichedArticle article : articles) {
                bytes += Json.mapper().writeValueAsBytes(article).length;
            }
            log.info("FIGURE corpus: {} articles, {} bytes of JSON on average; load average before: {}",
                    articles.size(), bytes / articles.size(), loadAverage());
            // Once untimed: a JVM on two cores shared with Elasticsearch compiles its hot code slowly, and
            // a first run measures that more than the indexer (about 3,000 documents/s, against 5,000 later).
            bench.indexerThroughput("warm-up", articles);
            double indexer = bench.indexerThroughput("timed", articles);
            Map<String, Long> raw = new LinkedHashMap<>();
            for (int clients : CLIENTS) {
                for (int size : BULK_SIZES) {
                    raw.put(size + "x" + clients, round(bench.rawBulk(articles, size, clients)));
                }
            }
            articles = null; // the search run generates its own, batch by batch
            Map.Entry<String, Long> best = raw.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            log.info("FIGURE indexer (steady): {} articles/s; raw _bulk of the same documents (per request x clients: "
                            + "docs/s): {}; best {} docs/s at {}; indexer/raw = {}%",
                    round(indexer), raw, best.getValue(), best.getKey(), Math.round(100 * indexer / best.getValue()));
            if (searchArticles > 0) {
                bench.searchLatency(searchArticles, searches);
            }
            log.info("FIGURE load average after: {}", loadAverage());
            bench.es.close();
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    /** The real indexer, from its start until every offset of the pre-loaded topic is committed. */
    private double indexerThroughput(String label, List<EnrichedArticle> articles) throws Exception {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (name.startsWith("NEWSFLOW_INDEX_BULK_")) {
                env.put(name, value);
            }
        });
        env.putAll(Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                "NEWSFLOW_ES_URL", stack.elasticsearchUrl(),
                "NEWSFLOW_TOPIC_PREFIX", "bench-" + run + "-" + label + ".",
                "NEWSFLOW_TOPIC_PARTITIONS", Integer.toString(PARTITIONS),
                "NEWSFLOW_INDEX_ALIAS", "bench-" + run + "-" + label,
                "NEWSFLOW_INDEX_GROUP_ID", "bench-index-" + run + "-" + label));
        IndexConfig config = IndexConfig.fromEnv(new Env(env));
        try (Admin admin = Admin.create(IndexKafka.admin(config));
             var deadLetters = new KafkaProducer<byte[], byte[]>(IndexKafka.deadLetterProducer(config))) {
            TopicInitializer.ensure(admin, config.kafka(), Duration.ofSeconds(60));
            IndexManager.of(es, config).ensure();
            preload(config, articles);
            var indexer = new ArticleIndexer(new KafkaConsumer<>(IndexKafka.consumer(config)), deadLetters, es, config,
                    new IndexerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)), Clock.systemUTC());
            Thread thread = new Thread(indexer, "bench-indexer");
            long started = System.nanoTime();
            thread.start();
            // The first commit marks the end of the start-up (group join, first fetch); the rate after it is the steady one.
            long firstCommitted = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> committed(admin, config.groupId()), c -> c > 0);
            long steadyFrom = System.nanoTime();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> committed(admin, config.groupId()) >= articles.size());
            long finished = System.nanoTime();
            double seconds = (finished - started) / 1e9;
            double steady = (articles.size() - firstCommitted) / ((finished - steadyFrom) / 1e9);
            indexer.shutdown();
            thread.join(Duration.ofSeconds(60));
            es.indices().refresh(r -> r.index(config.alias()));
            long count = es.count(c -> c.index(config.alias())).count();
            log.info("FIGURE indexer: {} articles in {} s from its start = {} articles/s; after the first commit {} "
                            + "articles/s ({} in the index; bulk settings {})", articles.size(), round(seconds),
                    round(articles.size() / seconds), round(steady), count, config.bulk());
            es.indices().delete(d -> d.index(config.indexName()));
            return steady;
        }
    }

    private void preload(IndexConfig config, List<EnrichedArticle> articles) {
        var topic = config.kafka().topics().enriched();
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (EnrichedArticle article : articles) {
                producer.send(new ProducerRecord<>(topic.name(), article.id().getBytes(StandardCharsets.UTF_8),
                        topic.valueSerde().serializer().serialize(topic.name(), article)));
            }
            producer.flush();
        }
    }

    private static long committed(Admin admin, String group) throws Exception {
        Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }

    /** The same documents, the same client and write options, straight to {@code _bulk} from {@code clients} threads. */
    private double rawBulk(List<EnrichedArticle> articles, int bulkSize, int clients) throws Exception {
        String index = "bench-raw-" + run + "-" + bulkSize;
        new IndexManager(es, "bench-raw-" + run, index, 1, 0).create(index);
        long started = System.nanoTime();
        bulkLoad(index, articles, bulkSize, clients);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("raw _bulk: {} docs in {} s at {} per request, {} clients", articles.size(), round(seconds), bulkSize,
                clients);
        es.indices().delete(d -> d.index(index));
        return articles.size() / seconds;
    }

    private void bulkLoad(String index, List<EnrichedArticle> articles, int bulkSize, int parallel) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < parallel; c++) {
                done.add(clients.submit(() -> {
                    for (int from = next.getAndAdd(bulkSize); from < articles.size(); from = next.getAndAdd(bulkSize)) {
                        bulk(index, articles.subList(from, Math.min(articles.size(), from + bulkSize)));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
    }

    private void bulk(String index, List<EnrichedArticle> batch) throws IOException {
        Instant now = Instant.now();
        List<BulkOperation> operations = batch.stream().map(a -> BulkOperation.of(b -> b.index(i -> i.index(index)
                .id(a.id()).version(a.version()).versionType(VersionType.ExternalGte).document(a.withIndexedAt(now)))))
                .toList();
        BulkResponse response = es.bulk(b -> b.operations(operations));
        if (response.errors()) {
            throw new IllegalStateException("bulk refused items: " + response.items().stream()
                    .filter(i -> i.error() != null).findFirst().map(i -> i.error().reason()).orElse("?"));
        }
    }

    /** p50/p99 of a filtered, faceted, highlighted search through the HTTP API. */
    private void searchLatency(int articles, int searches) throws Exception {
        String alias = "bench-search-" + run;
        IndexManager indices = new IndexManager(es, alias, alias + "-v1", 1, 0);
        indices.ensure();
        long started = System.nanoTime();
        for (int from = 0; from < articles; from += 5000) {
            bulkLoad(alias + "-v1", corpus.articles(run + "-s", from, Math.min(5000, articles - from)), 500, 2);
        }
        log.info("search corpus: {} articles loaded in {} s", articles, round((System.nanoTime() - started) / 1e9));
        es.indices().refresh(r -> r.index(alias));
        es.indices().forcemerge(f -> f.index(alias).maxNumSegments(1L));

        SearchLimits limits = SearchLimits.fromEnv(new Env(Map.of()));
        ArticleSearch search = new ArticleSearch(es, alias, limits, java.time.InstantSource.system());
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        var http = ServiceHttp.create(registry, Map.of(),
                routes -> IndexRoutes.register(routes, search, new SearchGate(limits.maxConcurrent(), registry))).start(0);
        HttpClient client = HttpClient.newHttpClient();
        Random random = new Random(7);
        try {
            for (int i = 0; i < 50; i++) {
                search(client, http.port(), random);
            }
            long[] nanos = new long[searches];
            long[] totals = new long[searches];
            for (int i = 0; i < searches; i++) {
                long t0 = System.nanoTime();
                totals[i] = search(client, http.port(), random);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            Arrays.sort(totals);
            log.info("FIGURE search over {} articles ({} requests, q + topic + since, 6 facets, highlight, size 20): "
                            + "p50 {} ms, p99 {} ms, max {} ms; median hits {}", es.count(c -> c.index(alias)).count(),
                    searches, ms(nanos[searches / 2]), ms(nanos[(int) Math.ceil(searches * 0.99) - 1]),
                    ms(nanos[searches - 1]), totals[searches / 2]);
        } finally {
            http.stop();
            es.indices().delete(d -> d.index(alias + "-v1"));
            es.indices().deleteIndexTemplate(d -> d.name(alias + "-template"));
        }
    }

    /** One typical query: a fairly common word, one topic, the last few months; answers the hit total. */
    private long search(HttpClient client, int port, Random random) throws Exception {
        String q = URLEncoder.encode(corpus.term(), StandardCharsets.UTF_8);
        String topic = URLEncoder.encode(BenchmarkCorpus.TOPICS.get(random.nextInt(6)), StandardCharsets.UTF_8);
        String since = BenchmarkCorpus.START.plus(Duration.ofDays(30L * random.nextInt(9))).toString();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/v1/search?q=" + q + "&topic=" + topic + "&since=" + since)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body()).path("total").asLong();
    }

    private static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static long round(double value) {
        return Math.round(value);
    }
}
