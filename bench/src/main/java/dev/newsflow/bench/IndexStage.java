package dev.newsflow.bench;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.KafkaSettings;
import dev.newsflow.core.Topic;
import dev.newsflow.core.TopicInitializer;
import dev.newsflow.core.Topics;
import dev.newsflow.index.IndexManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer from the enriched topic into Elasticsearch, beside raw {@code _bulk} of the very same
 * documents with the same client and write options, at the best bulk size and concurrency found.
 * The enriched records enrich wrote are repeated under new ids until there are enough of them for a
 * steady rate, since a couple of thousand documents index in about a second.
 */
final class IndexStage {

    private static final Logger log = LoggerFactory.getLogger(IndexStage.class);
    static final int MIN_DOCUMENTS = 10_000;
    /** Around the indexer's own 500 per request and 2 in flight, both ways, so the ceiling is the best found. */
    private static final List<Integer> BULK_SIZES = List.of(500, 1000, 2000);
    private static final List<Integer> CLIENTS = List.of(1, 2, 4);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final BenchContext context;

    IndexStage(BenchContext context) {
        this.context = context;
    }

    /**
     * @param indexer   the indexer's steady rate
     * @param best      raw _bulk's best rate
     * @param bestSize  at which bulk size
     * @param bestClients with how many parallel clients
     */
    record Result(long documents, double indexer, double best, int bestSize, int bestClients) {
    }

    Result run(String pipelinePrefix) {
        List<EnrichedArticle> documents = documents(pipelinePrefix);
        String prefix = context.prefix("index");
        TopicInitializer.ensure(context.admin(), new KafkaSettings(context.stack().kafkaBootstrap(), prefix,
                BenchContext.PARTITIONS, (short) 1), Duration.ofSeconds(30));
        Topic<String, EnrichedArticle> enriched = Topics.withPrefix(prefix).enriched();
        new TopicRecords(context.stack().kafkaBootstrap()).write(enriched.name(), documents.stream()
                .map(a -> new ProducerRecord<>(enriched.name(), a.id().getBytes(StandardCharsets.UTF_8),
                        enriched.valueSerde().serializer().serialize(enriched.name(), a))).toList());

        String alias = context.name("index");
        String group = context.name("index-group");
        int port = FreePort.pick();
        Map<String, String> env = context.env(prefix);
        env.put("NEWSFLOW_INDEX_PORT", Integer.toString(port));
        env.put("NEWSFLOW_INDEX_ALIAS", alias);
        env.put("NEWSFLOW_INDEX_GROUP_ID", group);
        long started = System.nanoTime();
        double indexer;
        try (ServiceProcess index = context.start("index-service", "index", "dev.newsflow.index.IndexMain", port, env)) {
            StageTiming timing = context.progress().await(group, enriched.name(), documents.size(), started, TIMEOUT);
            indexer = timing.steadyRate();
            log.info("indexer: {} documents, {} docs/s after the first commit", documents.size(), Math.round(indexer));
        }
        deleteQuietly(alias + "-v1");

        double best = 0;
        int bestSize = 0;
        int bestClients = 0;
        for (int clients : CLIENTS) {
            for (int size : BULK_SIZES) {
                double rate = rawBulk(documents, size, clients);
                log.info("raw _bulk: {} per request, {} clients: {} docs/s", size, clients, Math.round(rate));
                if (rate > best) {
                    best = rate;
                    bestSize = size;
                    bestClients = clients;
                }
            }
        }
        return new Result(documents.size(), indexer, best, bestSize, bestClients);
    }

    /** The enriched articles of the pipeline topic, repeated under new ids up to {@link #MIN_DOCUMENTS}. */
    private List<EnrichedArticle> documents(String pipelinePrefix) {
        Topic<String, EnrichedArticle> topic = Topics.withPrefix(pipelinePrefix).enriched();
        List<EnrichedArticle> enriched = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : new TopicRecords(context.stack().kafkaBootstrap()).readAll(topic.name())) {
            if (r.value() != null) {
                enriched.add(topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
            }
        }
        if (enriched.isEmpty()) {
            throw new IllegalStateException(topic.name() + " holds no enriched articles to index");
        }
        List<EnrichedArticle> documents = new ArrayList<>(enriched);
        for (int copy = 1; documents.size() < MIN_DOCUMENTS; copy++) {
            for (EnrichedArticle a : enriched) {
                documents.add(copyOf(a, "-" + copy));
            }
        }
        return documents;
    }

    private static EnrichedArticle copyOf(EnrichedArticle a, String suffix) {
        return new EnrichedArticle(a.id() + suffix, a.source(), a.guid() + suffix, a.version(), a.url(), a.title(),
                a.body(), a.byline(), a.language(), a.dateline(), a.publishedAt(), a.ingestedAt(), a.enrichedAt(),
                a.indexedAt(), a.people(), a.organizations(), a.places(), a.topics(), a.keywords(), a.subjects(),
                a.wordCount(), a.duplicateOf(), a.pubstatus(), a.urgency());
    }

    /** The documents into a fresh index with the indexer's mapping, {@code clients} bulk requests at a time. */
    private double rawBulk(List<EnrichedArticle> documents, int size, int clients) {
        String index = context.name("raw-" + size + "-" + clients);
        try {
            new IndexManager(context.es(), index + "-alias", index, 1, 0).create(index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + index, e);
        }
        int chunks = (documents.size() + size - 1) / size;
        double seconds = ParallelWork.run(clients, chunks, "raw _bulk", chunk -> {
            int from = chunk * size;
            bulk(index, documents.subList(from, Math.min(documents.size(), from + size)));
        });
        double rate = documents.size() / seconds;
        deleteQuietly(index);
        return rate;
    }

    /** As the indexer writes: external_gte versions, indexed_at stamped at write time. */
    private void bulk(String index, List<EnrichedArticle> batch) throws IOException {
        Instant now = Instant.now();
        List<BulkOperation> operations = batch.stream().map(a -> BulkOperation.of(b -> b.index(i -> i.index(index)
                .id(a.id()).version(a.version()).versionType(VersionType.ExternalGte).document(a.withIndexedAt(now)))))
                .toList();
        BulkResponse response = context.es().bulk(b -> b.operations(operations));
        // An older version arriving after a newer one is refused with 409, which the indexer counts as
        // done (the newer one stays); any other refusal would make this a different workload.
        response.items().stream()
                .filter(i -> i.error() != null && i.status() != 409)
                .findFirst()
                .ifPresent(i -> {
                    throw new IllegalStateException("bulk refused " + i.id() + ": " + i.error().reason());
                });
    }

    /** Frees the disk and heap of an index measured; a failure only costs space, so it is logged. */
    private void deleteQuietly(String index) {
        try {
            context.es().indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            log.warn("could not delete index {}: {}", index, e.toString());
        }
    }
}
