package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
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
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the enriched topic into Elasticsearch through the client's {@link BulkIngester}.
 *
 * <p>Each record becomes one bulk operation whose context is its {@link PendingWrite}: an index with
 * {@code version_type=external_gte}, or a delete for a tombstone ({@link ArticleOperations}). Offsets
 * are committed only up to the first record Elasticsearch has not confirmed ({@link OffsetTracker}).
 *
 * <p>Several bulk requests are in flight at once (one keeps a single Elasticsearch write thread busy
 * and leaves the rest of the node idle), and Elasticsearch may apply them in any order. Versions order
 * the index operations of one id, but a tombstone carries no version: a delete overtaking the index
 * before it would leave the article standing, an index overtaking the delete before it would bring it
 * back. So a write whose id already has a write unconfirmed is held aside until that one is confirmed or
 * failed ({@link IdOrder}): one unconfirmed write per id, and each id's writes apply in log order, while
 * the other ids go on.
 *
 * <p>The ingester does not retry a bulk request that failed as a whole, so this class does: it pauses
 * the consumer, waits for everything in flight to settle, seeks each partition back to its first
 * unconfirmed offset and resumes after a capped, jittered backoff. Replaying from the log keeps the
 * per-id order of writes and deletes; versions make the replayed writes harmless. It never skips a
 * record and never gives up.
 *
 * <p>The live service runs it without end ({@link #run()}); a re-index runs it into a new concrete
 * index up to the end offsets it captured ({@link #runUntil(Map)}), through the same write path.
 * {@link #run()} or {@link #runUntil(Map)} belongs to one thread; {@link #shutdown()} may be called from any other.
 */
public final class ArticleIndexer implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RECOVERY_POLL = Duration.ofMillis(50);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final WriteTarget target;
    private final Backoff backoff;
    private final IndexerMetrics metrics;
    private final Clock clock;
    private final ArticleOperations operations;
    private final DeadLetterWriter deadLetters;
    private final BlockingQueue<WriteOutcome> outcomes = new LinkedBlockingQueue<>();
    private final BulkIngester<PendingWrite> ingester;

    private final Map<TopicPartition, OffsetTracker> trackers = new HashMap<>();
    private final IdOrder order = new IdOrder();
    private final OffsetCommits commits;
    private volatile boolean closing;
    /** Partitions the group gave this indexer; written by the poll thread, read by readiness. */
    private volatile int assignedPartitions;
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
        this.commits = new OffsetCommits(consumer);
        this.topic = config.kafka().topics().enriched().name();
        this.target = target;
        this.backoff = config.backoff();
        this.metrics = metrics;
        this.clock = clock;
        this.operations = new ArticleOperations(target, config.kafka().topics().enriched().valueSerde().deserializer());
        this.deadLetters = new DeadLetterWriter(deadLetters, config.kafka().topics().deadletter().name());
        BulkSettings bulk = config.bulk();
        this.ingester = BulkIngester.of(b -> b
                .client(es)
                .maxOperations(bulk.maxOperations())
                .maxSize(bulk.maxBytes())
                .flushInterval(bulk.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
                // Safe with any number in flight: IdOrder keeps each id's writes in order.
                .maxConcurrentRequests(bulk.concurrentRequests())
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
                if (!recovering && caughtUp()) {
                    // Nothing more is waiting to fill the bulk: send it now rather than at the flush interval.
                    ingester.flush();
                }
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

    /**
     * Whether this consumer has read all its partitions to their ends, as its last fetches saw them:
     * then a bulk waiting for more operations would only wait for the flush interval. While catching up
     * the bulks still fill by count.
     */
    private boolean caughtUp() {
        for (TopicPartition partition : consumer.assignment()) {
            if (consumer.currentLag(partition).orElse(1) > 0) {
                return false;
            }
        }
        return true;
    }

    /** How many partitions of the enriched topic the consumer group has given this indexer. */
    public int assignedPartitions() {
        return assignedPartitions;
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
        BulkWrite write;
        try {
            write = operations.of(record, now);
        } catch (RejectedRecordException e) {
            deadLetters.send(new PendingWrite(record, null, null, now), e, outcomes::add);
            return;
        }
        if (order.admit(write)) {
            ingester.add(write.operation(), write.context());
        } else {
            metrics.orderWait();
        }
    }

    private void settleAll() {
        for (WriteOutcome outcome = outcomes.poll(); outcome != null; outcome = outcomes.poll()) {
            settle(outcome);
        }
    }

    private void settle(WriteOutcome outcome) {
        if (!(outcome instanceof WriteOutcome.Rejected) && outcome.write().id() != null) {
            // Confirmed or failed, the write is no longer under way in Elasticsearch (a rejected one comes
            // back once more, confirmed or failed, from the dead letter topic): the id's next write may go.
            order.settled(outcome.write().id()).ifPresent(next -> ingester.add(next.operation(), next.context()));
        }
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
            // Held writes are read again after the rewind, behind the writes they waited for.
            failAll(order.dropHeld(write -> true));
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

    private void failAll(List<BulkWrite> writes) {
        for (BulkWrite write : writes) {
            OffsetTracker tracker = trackers.get(write.context().partition());
            if (tracker != null) {
                tracker.fail(write.context().offset());
            }
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
        commits.commit(trackers, sync);
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
            order.dropHeld(write -> partitions.contains(write.partition()));
            Map<TopicPartition, OffsetTracker> revoked = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetTracker tracker = trackers.remove(partition);
                if (tracker != null) {
                    revoked.put(partition, tracker);
                }
            }
            commits.commit(revoked, true);
            partitions.forEach(commits::forget);
            assignedPartitions = Math.max(0, assignedPartitions - partitions.size());
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assignedPartitions = consumer.assignment().size();
            if (recovering) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member owns them now; committing would fail, and its replay makes up for ours.
            order.dropHeld(write -> partitions.contains(write.partition()));
            partitions.forEach(partition -> {
                trackers.remove(partition);
                commits.forget(partition);
            });
            assignedPartitions = 0;
        }
    }
}
