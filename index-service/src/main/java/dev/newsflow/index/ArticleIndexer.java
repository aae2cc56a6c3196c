package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.newsflow.core.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the enriched topic into Elasticsearch through the client's {@link BulkIngester}.
 *
 * <p>Each record becomes one bulk operation whose context is its {@link PendingWrite}: an index with
 * {@code version_type=external_gte}, or a delete for a tombstone. Offsets are committed only up to
 * the first record Elasticsearch has not confirmed ({@link OffsetTracker}). The ingester does not
 * retry a bulk request that failed as a whole, so this class does: it pauses the consumer, waits for
 * everything in flight to settle, seeks each partition back to its first unconfirmed offset and
 * resumes after a capped, jittered backoff. Replaying from the log keeps the per-id order of writes
 * and deletes; versions make the replayed writes harmless. It never skips a record and never gives up.
 *
 * <p>The live service runs it without end ({@link #run()}); a re-index runs it into a new concrete
 * index up to the end offsets it captured ({@link #runUntil(Map)}), through the same write path.
 * {@link #run()} or {@link #runUntil(Map)} belongs to one thread; {@link #shutdown()} may be called from any other.
 */
public final class ArticleIndexer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);
    /** Elasticsearch refuses longer ids; such a record can only be dead-lettered. */
    private static final int MAX_ID_BYTES = 512;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RECOVERY_POLL = Duration.ofMillis(50);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final WriteTarget target;
    private final Backoff backoff;
    private final IndexerMetrics metrics;
    private final Clock clock;
    private final Deserializer<EnrichedArticle> articles;
    private final DeadLetterWriter deadLetters;
    private final BlockingQueue<WriteOutcome> outcomes = new LinkedBlockingQueue<>();
    private final BulkIngester<PendingWrite> ingester;

    private final Map<TopicPartition, OffsetTracker> trackers = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private volatile boolean closing;
    private boolean recovering;
    private int attempt;
    private long resumeAtNanos = -1;

    /**
     * @param consumer    byte-array key and value, {@code enable.auto.commit=false}, {@code read_committed};
     *                    this indexer subscribes, polls, commits and closes it
     * @param deadLetters byte-array producer for the dead letter topic; the caller closes it
     */
    public ArticleIndexer(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters,
                          ElasticsearchClient es, IndexConfig config, IndexerMetrics metrics, Clock clock) {
        this(consumer, deadLetters, es, config, metrics, clock, WriteTarget.alias(config.alias()));
    }

    /** As above, writing to {@code target} instead of the configured alias. */
    public ArticleIndexer(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters,
                          ElasticsearchClient es, IndexConfig config, IndexerMetrics metrics, Clock clock,
                          WriteTarget target) {
        this.consumer = consumer;
        this.topic = config.kafka().topics().enriched().name();
        this.target = target;
        this.backoff = config.backoff();
        this.metrics = metrics;
        this.clock = clock;
        this.articles = config.kafka().topics().enriched().valueSerde().deserializer();
        this.deadLetters = new DeadLetterWriter(deadLetters, config.kafka().topics().deadletter().name());
        BulkSettings bulk = config.bulk();
        this.ingester = BulkIngester.of(b -> b
                .client(es)
                .maxOperations(bulk.maxOperations())
                .maxSize(bulk.maxBytes())
                .flushInterval(bulk.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                // One request at a time: two in flight could apply a delete and a re-index of the same id
                // out of order. Versions protect index operations, but a tombstone carries no version.
                .maxConcurrentRequests(1)
                // Live writes go through the alias only; without it Elasticsearch would auto-create a
                // mapping-less index named like the alias. A re-index names its new index directly.
                .globalSettings(g -> g.requireAlias(target.isAlias()))
                .listener(new IngesterListener(outcomes::add, metrics)));
    }

    @Override
    public void run() {
        consume(RunBounds.NONE);
    }

    /**
     * Indexes until every partition has been read up to its offset in {@code ends} and Elasticsearch
     * (or the dead letter topic) confirmed all of it, then commits and closes.
     *
     * @param ends the end offsets of the enriched topic's partitions, as captured before the start
     * @return true when the end was reached, false when {@link #shutdown()} came first
     */
    public boolean runUntil(Map<TopicPartition, Long> ends) {
        if (ends.isEmpty()) {
            throw new IllegalArgumentException("runUntil needs the end offsets of at least one partition");
        }
        return consume(new RunBounds(ends));
    }

    private boolean consume(RunBounds bounds) {
        log.info("indexing {} into {} {}", topic, target, bounds);
        try {
            if (!bounds.bounded()) {
                consumer.subscribe(List.of(topic), new Rebalance());
            } else {
                // A bounded run owns its fresh group alone: taking every partition directly spares it the
                // group join (and its rebalance delays); positions still come from the group's commits.
                consumer.assign(bounds.ends().keySet());
            }
            while (!closing) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(recovering ? RECOVERY_POLL : POLL)) {
                    if (!bounds.beyond(record)) {
                        submit(record);
                    }
                }
                settleAll();
                if (recovering) {
                    recover();
                } else {
                    commit(false);
                    if (bounds.bounded() && outcomes.isEmpty()
                            && bounds.reachedBy(consumer, partition -> inFlight(List.of(partition)))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
            return false;
        } catch (RuntimeException e) {
            log.error("indexer stopped unexpectedly; offsets stay at the last confirmed write", e);
            throw e;
        } finally {
            close();
        }
    }

    /** Asks the poll thread to flush, commit what is confirmed and close; join the thread to wait for it. */
    public void shutdown() {
        closing = true;
        consumer.wakeup();
    }

    private void submit(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        trackers.computeIfAbsent(partition, p -> new OffsetTracker()).track(record.offset());
        Instant now = clock.instant();
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        try {
            if (record.value() == null) {
                String id = checkedId(key, "tombstone key");
                ingester.add(BulkOperation.of(b -> b.delete(d -> d.index(target.name()).id(id))),
                        new PendingWrite(record, id, null, now));
                return;
            }
            EnrichedArticle article = readArticle(record);
            String id = checkedId(article.id() == null ? key : article.id(), "article id");
            if (key != null && !key.equals(id)) {
                // A tombstone with this key would miss the document: the topic contract is key = article id.
                throw new RejectedRecordException("record key " + key + " differs from article id " + id);
            }
            EnrichedArticle document = article.withIndexedAt(now);
            ingester.add(BulkOperation.of(b -> b.index(i -> i.index(target.name()).id(id)
                            .version(article.version()).versionType(VersionType.ExternalGte).document(document))),
                    new PendingWrite(record, id, article.ingestedAt(), now));
        } catch (RejectedRecordException e) {
            deadLetters.send(new PendingWrite(record, null, null, now), e, outcomes::add);
        }
    }

    private EnrichedArticle readArticle(ConsumerRecord<byte[], byte[]> record) {
        try {
            return articles.deserialize(record.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            throw new RejectedRecordException(e.getMessage(), e);
        }
    }

    private static String checkedId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new RejectedRecordException(what + " is missing");
        }
        if (id.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw new RejectedRecordException(what + " is longer than " + MAX_ID_BYTES + " bytes");
        }
        return id;
    }

    private void settleAll() {
        for (WriteOutcome outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
            settle(outcome);
        }
    }

    private void settle(WriteOutcome outcome) {
        OffsetTracker tracker = trackers.get(outcome.write().partition());
        if (tracker == null) {
            return; // the partition was revoked meanwhile; its new owner reads the record again
        }
        switch (outcome) {
            case WriteOutcome.Confirmed confirmed -> {
                tracker.confirm(outcome.write().offset());
                metrics.confirmed(confirmed);
                if (!recovering) {
                    attempt = 0;
                }
            }
            case WriteOutcome.Failed failed -> {
                tracker.fail(outcome.write().offset());
                startRecovery(failed.reason());
            }
            case WriteOutcome.Rejected rejected -> deadLetters.send(rejected.write(), rejected.reason(), outcomes::add);
        }
    }

    private void startRecovery(String reason) {
        if (recovering) {
            return;
        }
        recovering = true;
        attempt++;
        resumeAtNanos = -1;
        consumer.pause(consumer.assignment());
        metrics.retry();
        log.warn("pausing consumption (attempt {}): {}", attempt, reason);
    }

    /** One step of the recovery: wait for in-flight writes, rewind once, then resume after the backoff. */
    private void recover() {
        if (resumeAtNanos < 0) {
            ingester.flush();
            if (inFlight(trackers.keySet()) > 0) {
                return;
            }
            trackers.forEach((partition, tracker) ->
                    tracker.rewind().ifPresent(offset -> consumer.seek(partition, offset)));
            commit(false);
            Duration delay = backoff.delay(attempt, ThreadLocalRandom.current());
            resumeAtNanos = System.nanoTime() + delay.toNanos();
            log.warn("retrying from the first unconfirmed offsets in {} ms", delay.toMillis());
        } else if (System.nanoTime() - resumeAtNanos >= 0) {
            recovering = false;
            consumer.resume(consumer.paused());
        }
    }

    private int inFlight(Collection<TopicPartition> partitions) {
        int count = 0;
        for (TopicPartition partition : partitions) {
            OffsetTracker tracker = trackers.get(partition);
            count += tracker == null ? 0 : tracker.inFlight();
        }
        return count;
    }

    /** Sends what is buffered and waits, up to a limit, until Elasticsearch answered for these partitions. */
    private void awaitSettled(Collection<TopicPartition> partitions) {
        ingester.flush();
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (inFlight(partitions) > 0 && System.nanoTime() - deadline < 0) {
            try {
                WriteOutcome outcome = outcomes.poll(RECOVERY_POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (outcome != null) {
                    settle(outcome);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("interrupted while waiting for Elasticsearch; committing what is confirmed");
                return;
            }
            ingester.flush();
        }
        settleAll();
        if (inFlight(partitions) > 0) {
            log.warn("{} writes still unconfirmed after {}s; they will be read again", inFlight(partitions),
                    SETTLE_TIMEOUT.toSeconds());
        }
    }

    private void commit(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        trackers.forEach((partition, tracker) -> tracker.commitPosition().ifPresent(position -> {
            Long done = committed.get(partition);
            if (done == null || position > done) {
                offsets.put(partition, new OffsetAndMetadata(position));
            }
        }));
        if (offsets.isEmpty()) {
            return;
        }
        offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        if (sync) {
            commitSync(offsets);
        } else {
            consumer.commitAsync(offsets, (done, error) -> {
                if (error != null) {
                    // Forget the failed positions so the next commit sends them again.
                    offsets.forEach((partition, offset) -> committed.remove(partition, offset.offset()));
                    log.warn("offset commit failed, will retry with the next one: {}", error.toString());
                }
            });
        }
    }

    private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            // The shutdown's wakeup() fires at the first blocking call if poll() did not consume it; it
            // fires once only, so the commit can simply be made again.
            consumer.commitSync(offsets);
        }
    }

    private void close() {
        try {
            awaitSettled(trackers.keySet());
            commit(true);
            log.info("indexer stopped; offsets committed up to the last confirmed write");
        } catch (KafkaException e) {
            // Harmless for correctness: the next start reads from the last commit and versions absorb the replay.
            log.warn("final offset commit failed; some records will be indexed again on the next start: {}", e.toString());
        } finally {
            ingester.close();
            consumer.close();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            awaitSettled(partitions);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetTracker tracker = trackers.remove(partition);
                Long done = committed.remove(partition);
                if (tracker != null) {
                    tracker.commitPosition().ifPresent(position -> {
                        if (done == null || position > done) {
                            offsets.put(partition, new OffsetAndMetadata(position));
                        }
                    });
                }
            }
            if (!offsets.isEmpty()) {
                commitSync(offsets);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (recovering) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member owns them now; committing would fail, and its replay makes up for ours.
            partitions.forEach(partition -> {
                trackers.remove(partition);
                committed.remove(partition);
            });
        }
    }
}
