package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndicesBlockOptions;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the index from the compacted enriched topic into the next versioned index and moves the
 * alias to it, while searches keep reading the old index through the alias.
 *
 * <p>Writes that arrive during the rebuild are the hard part: the live indexer keeps writing through
 * the alias, so into the old index. Running a second writer into the new index after the swap would
 * race the live indexer on the same ids, and a tombstone carries no version that could settle such a
 * race (an older write replayed after a delete would bring the article back). So the new index has
 * exactly one writer at any time:
 * <ol>
 *   <li>fill the new index from the earliest offset up to the end offsets captured at the start
 *       (a fresh consumer group; the live indexer is not disturbed);</li>
 *   <li>put a write block on the old index: the live indexer's writes fail with a cluster block, which
 *       it treats like an outage, pausing and retrying from its own first unconfirmed offsets;</li>
 *   <li>catch up from there to the end offsets captured now; everything the live
 *       indexer wrote into the old index lies below them;</li>
 *   <li>move the alias in one {@code _aliases} call. The live indexer's next retry goes through the
 *       alias into the new index, replaying from its own offsets in log order, with
 *       {@code external_gte} making the overlap harmless.</li>
 * </ol>
 * Searches are never blocked; live indexing stalls only for the catch-up plus one retry backoff.
 */
public final class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    /** Records left for the blocked catch-up that take a second or two at most. */
    private static final long SHORT_TAIL = 5_000;
    private static final int MAX_EXTRA_PASSES = 3;

    private final ElasticsearchClient es;
    private final Admin admin;
    private final IndexConfig config;
    private final Function<String, Consumer<byte[], byte[]>> consumers;
    private final Producer<byte[], byte[]> deadLetters;
    private final IndexerMetrics metrics;
    private final IndexManager indices;
    private volatile ArticleIndexer running;
    private volatile boolean stopped;

    /**
     * @param consumers   makes a consumer for a group id, configured like {@link IndexKafka#consumer}
     * @param deadLetters for documents the new index refuses; the caller closes it
     */
    public Reindexer(ElasticsearchClient es, Admin admin, IndexConfig config,
                     Function<String, Consumer<byte[], byte[]>> consumers, Producer<byte[], byte[]> deadLetters,
                     IndexerMetrics metrics) {
        this.es = es;
        this.admin = admin;
        this.config = config;
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.indices = IndexManager.of(es, config);
    }

    /** What a re-index did. */
    public record Result(String from, String to, long documents, boolean oldDeleted) {
    }

    /**
     * Builds the next versioned index and moves the alias to it.
     *
     * @param deleteOld delete the old index after the swap; else it stays (unaliased) for a rollback
     * @throws IllegalStateException when the alias does not point to exactly one index, or on {@link #shutdown()}
     */
    public Result run(boolean deleteOld) throws IOException, InterruptedException {
        indices.ensure();
        List<String> current = indices.aliasedIndices();
        if (current.size() != 1) {
            throw new IllegalStateException("alias " + config.alias() + " points to " + current
                    + "; a re-index needs exactly one index behind it");
        }
        String from = current.getFirst();
        String to = nextVersion(config.alias(), indices.versionedIndices());
        // A re-index killed between its block and its swap leaves the block behind; lift it first.
        writeBlock(from, false);
        indices.create(to);
        String group = config.groupId() + "-reindex-" + to + "-" + UUID.randomUUID().toString().substring(0, 8);
        log.info("re-indexing {} into {} (consumer group {}); searches keep using {}", config.alias(), to, group, from);
        try {
            Map<TopicPartition, Long> filled = endOffsets();
            fill(group, to, filled);
            // A long fill leaves a long tail of newer records; shrink it while the live indexer still
            // runs, so the blocked catch-up below (live indexing stalls meanwhile) stays short.
            for (int pass = 0; pass < MAX_EXTRA_PASSES; pass++) {
                Map<TopicPartition, Long> now = endOffsets();
                if (behind(filled, now) <= SHORT_TAIL) {
                    break;
                }
                fill(group, to, now);
                filled = now;
            }
            log.info("{} filled up to {}; blocking writes to {} for the catch-up", to, filled, from);
            es.indices().addBlock(b -> b.index(from).block(IndicesBlockOptions.Write));
            try {
                Map<TopicPartition, Long> last = endOffsets();
                fill(group, to, last);
                es.indices().refresh(r -> r.index(to));
                indices.moveAlias(from, to);
            } finally {
                if (!deleteOld || !indices.aliasedIndices().contains(to)) {
                    writeBlock(from, false);
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            log.error("re-index failed; alias {} still points to {}; {} is left for inspection", config.alias(), from, to);
            throw e;
        } finally {
            deleteGroup(group);
        }
        if (deleteOld) {
            es.indices().delete(d -> d.index(from));
            log.info("deleted the old index {}", from);
        }
        long documents = es.count(c -> c.index(config.alias())).count();
        log.info("alias {} now points to {} holding {} documents", config.alias(), to, documents);
        return new Result(from, to, documents, deleteOld);
    }

    /** Stops a running re-index from another thread; the alias stays where it was. */
    public void shutdown() {
        stopped = true;
        ArticleIndexer indexer = running;
        if (indexer != null) {
            indexer.shutdown();
        }
    }

    /** {@code news-v2} after {@code news-v1}; above every existing version, so a failed run's leftover is never reused. */
    static String nextVersion(String alias, List<String> existing) {
        Pattern versioned = Pattern.compile(Pattern.quote(alias) + "-v(\\d+)");
        int highest = 0;
        for (String index : existing) {
            Matcher m = versioned.matcher(index);
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return alias + "-v" + (highest + 1);
    }

    private void fill(String group, String index, Map<TopicPartition, Long> ends) {
        if (stopped) {
            throw new IllegalStateException("re-index stopped");
        }
        // The same group each pass: the second pass starts where the first committed.
        var indexer = new ArticleIndexer(consumers.apply(group), deadLetters, es, config, metrics, Clock.systemUTC(),
                WriteTarget.index(index));
        running = indexer;
        boolean reached = indexer.runUntil(ends);
        running = null;
        if (!reached) {
            throw new IllegalStateException("re-index stopped before reaching offsets " + ends);
        }
    }

    private static long behind(Map<TopicPartition, Long> reached, Map<TopicPartition, Long> now) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : now.entrySet()) {
            behind += end.getValue() - reached.getOrDefault(end.getKey(), 0L);
        }
        return behind;
    }

    /** Read-committed end offsets: what a read_committed consumer can reach now. */
    private Map<TopicPartition, Long> endOffsets() throws InterruptedException {
        String topic = config.kafka().topics().enriched().name();
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getCause(), e.getCause());
        }
    }

    private void writeBlock(String index, boolean blocked) throws IOException {
        es.indices().putSettings(s -> s.index(index).settings(i -> i.blocks(b -> b.write(blocked))));
    }

    /** The group served one run only; leaving it would show up as a stale group in every listing. */
    private void deleteGroup(String group) {
        try {
            admin.deleteConsumerGroups(List.of(group)).all().get();
        } catch (ExecutionException | KafkaException e) {
            log.warn("could not delete the consumer group {}: {}", group, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while deleting the consumer group {}", group);
        }
    }
}
