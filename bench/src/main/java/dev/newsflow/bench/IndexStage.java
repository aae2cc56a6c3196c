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
import dev.newsflow.stack.Ports;
import dev.newsflow.stack.ServiceJvm;
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
 *
 * <p>Both sides are measured warm and alike. On two cores, the Elasticsearch node, the index service
 * and this harness all compile their hot code slowly, and whichever side ran first measured mostly
 * that: in one sandwich of 60,000-document runs, raw {@code _bulk} went 3,144 → 5,417 → 5,388
 * documents/s with the indexer's 3,714 and 4,827 between them. So the grid of bulk settings runs
 * first (it warms the node and this harness's bulk path); then raw {@code _bulk} at the grid's best
 * setting, the indexer, and raw {@code _bulk} again, each through {@link #WARM_UP_ROUNDS} rounds of
 * the documents untimed and {@link #TIMED_ROUNDS} timed, into one index that grows alike (a bigger
 * index merges more). The ceiling is the mean of the two raw runs around the indexer. The indexer's
 * rounds are all in its topic before it starts (written during its run, the writing took CPU from
 * it). The enriched records enrich wrote are repeated under new ids for each round, since a couple of
 * thousand documents index in about a second.
 */
final class IndexStage {

    private static final Logger log = LoggerFactory.getLogger(IndexStage.class);
    static final int MIN_DOCUMENTS = 10_000;
    static final int WARM_UP_ROUNDS = 3;
    static final int TIMED_ROUNDS = 3;
    /** Around the indexer's own 1,000 per request and 4 in flight, both ways, so the ceiling is the best found. */
    private static final List<Integer> BULK_SIZES = List.of(500, 1000, 2000);
    private static final List<Integer> CLIENTS = List.of(1, 2, 4);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final BenchContext context;

    IndexStage(BenchContext context) {
        this.context = context;
    }

    /**
     * @param documents   documents in the timed rounds
     * @param indexer     the indexer's rate over the timed rounds
     * @param raw         raw _bulk's rate over the same rounds, at the best setting of the grid: the mean of
     *                    a run before the indexer and one after, as the node keeps getting faster
     * @param rawBefore   that run before the indexer
     * @param rawAfter    and the one after
     * @param bestSize    that setting's documents per request
     * @param bestClients and its parallel clients
     * @param gridBest    the best rate of the grid itself (fresh indices of one round, so not comparable)
     */
    record Result(long documents, double indexer, double raw, double rawBefore, double rawAfter, int bestSize,
                  int bestClients, double gridBest) {
    }

    Result run(String pipelinePrefix) {
        List<EnrichedArticle> documents = documents(pipelinePrefix);
        double gridBest = 0;
        int bestSize = 0;
        int bestClients = 0;
        for (int clients : CLIENTS) {
            for (int size : BULK_SIZES) {
                double rate = rawBulk(documents, size, clients);
                log.info("raw _bulk: {} per request, {} clients: {} docs/s", size, clients, Math.round(rate));
                if (rate > gridBest) {
                    gridBest = rate;
                    bestSize = size;
                    bestClients = clients;
                }
            }
        }

        double rawBefore = rawRounds("before", documents, bestSize, bestClients);

        double indexer = indexerRounds(documents);
        double rawAfter = rawRounds("after", documents, bestSize, bestClients);
        double raw = (rawBefore + rawAfter) / 2;
        log.info("indexer {} docs/s; raw _bulk at {} per request and {} clients {} docs/s before it, {} after, over {} "
                + "timed rounds", Math.round(indexer), bestSize, bestClients, Math.round(rawBefore), Math.round(rawAfter),
                TIMED_ROUNDS);
        return new Result((long) TIMED_ROUNDS * documents.size(), indexer, raw, rawBefore, rawAfter, bestSize,
                bestClients, gridBest);
    }

    /** The index service through all rounds, written to its topic first: the rate of the timed ones. */
    private double indexerRounds(List<EnrichedArticle> documents) {
        String prefix = context.prefix("index");
        TopicInitializer.ensure(context.admin(), new KafkaSettings(context.stack().kafkaBootstrap(), prefix,
                BenchContext.PARTITIONS, (short) 1), Duration.ofSeconds(30));
        Topic<String, EnrichedArticle> enriched = Topics.withPrefix(prefix).enriched();
        int rounds = WARM_UP_ROUNDS + TIMED_ROUNDS;
        TopicRecords topic = new TopicRecords(context.stack().kafkaBootstrap());
        for (int round = 0; round < rounds; round++) {
            topic.write(enriched.name(), round(documents, round).stream()
                    .map(a -> new ProducerRecord<>(enriched.name(), a.id().getBytes(StandardCharsets.UTF_8),
                            enriched.valueSerde().serializer().serialize(enriched.name(), a))).toList());
        }
        String alias = context.name("index");
        String group = context.name("index-group");
        int port = Ports.free();
        Map<String, String> env = context.env(prefix);
        env.put("NEWSFLOW_INDEX_PORT", Integer.toString(port));
        env.put("NEWSFLOW_INDEX_ALIAS", alias);
        env.put("NEWSFLOW_INDEX_GROUP_ID", group);
        long[] reached = new long[rounds + 1];
        try (ServiceJvm index = context.start("index-service", "index", "dev.newsflow.index.IndexMain", port, env)) {
            reached[0] = System.nanoTime();
            for (int round = 1; round <= rounds; round++) {
                long target = (long) round * documents.size();
                context.progress().awaitCommitted(group, enriched.name(), target, TIMEOUT);
                reached[round] = System.nanoTime();
            }
        }
        deleteQuietly(alias + "-v1");
        for (int round = 1; round <= rounds; round++) {
            log.info("round {}: indexer {} docs/s{}", round, Math.round(rate(documents.size(), reached, round - 1, round)),
                    round <= WARM_UP_ROUNDS ? " (warm-up; the first includes the service's start)" : "");
        }
        return rate(documents.size(), reached, WARM_UP_ROUNDS, rounds);
    }

    /** The indexer's rounds through raw {@code _bulk} at one setting into one index: the rate of the timed ones. */
    private double rawRounds(String label, List<EnrichedArticle> documents, int size, int clients) {
        String index = context.name("raw-rounds-" + label);
        createIndex(index);
        int rounds = WARM_UP_ROUNDS + TIMED_ROUNDS;
        long[] written = new long[rounds + 1];
        written[0] = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            rawLoad(index, round(documents, round), size, clients);
            written[round + 1] = System.nanoTime();
        }
        deleteQuietly(index);
        for (int round = 1; round <= rounds; round++) {
            log.info("raw _bulk {} the indexer, round {}: {} docs/s", label, round,
                    Math.round(rate(documents.size(), written, round - 1, round)));
        }
        return rate(documents.size(), written, WARM_UP_ROUNDS, rounds);
    }

    /** Documents per second between the times round {@code from} and round {@code to} were complete. */
    private static double rate(int perRound, long[] completedNanos, int from, int to) {
        return (double) (to - from) * perRound / ((completedNanos[to] - completedNanos[from]) / 1e9);
    }

    /** The documents of one round: the same articles under ids of their own. */
    private static List<EnrichedArticle> round(List<EnrichedArticle> documents, int round) {
        return documents.stream().map(a -> copyOf(a, "-r" + round)).toList();
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
        return a.toBuilder().id(a.id() + suffix).guid(a.guid() + suffix).build();
    }

    /** The documents into a fresh index with the indexer's mapping, {@code clients} bulk requests at a time. */
    private double rawBulk(List<EnrichedArticle> documents, int size, int clients) {
        String index = context.name("raw-" + size + "-" + clients);
        createIndex(index);
        double rate = documents.size() / rawLoad(index, documents, size, clients);
        deleteQuietly(index);
        return rate;
    }

    private void createIndex(String index) {
        try {
            new IndexManager(context.es(), index + "-alias", index, 1, 0).create(index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + index, e);
        }
    }

    /** Seconds to write the documents, {@code clients} bulk requests of {@code size} at a time. */
    private double rawLoad(String index, List<EnrichedArticle> documents, int size, int clients) {
        int chunks = (documents.size() + size - 1) / size;
        return ParallelWork.run(clients, chunks, "raw _bulk", chunk -> {
            int from = chunk * size;
            bulk(index, documents.subList(from, Math.min(documents.size(), from + size)));
        });
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
