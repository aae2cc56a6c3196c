package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.core.ArticleId;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Env;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The indexer with two bulk requests in flight, against a fake Elasticsearch whose answers the test
 * orders: each id's writes still land in log order, and offsets stop at the first unconfirmed write.
 */
class ArticleIndexerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Two operations per request, two requests in flight; no timed flush to split requests unpredictably. */
    private final IndexConfig config = IndexConfig.fromEnv(new Env(Map.of(
            "NEWSFLOW_TOPIC_PREFIX", "t.",
            "NEWSFLOW_INDEX_BULK_MAX_OPERATIONS", "2",
            "NEWSFLOW_INDEX_BULK_CONCURRENCY", "2",
            "NEWSFLOW_INDEX_BULK_FLUSH_INTERVAL", "10m")));
    private final TopicPartition partition = new TopicPartition(config.kafka().topics().enriched().name(), 0);
    /** Left open when the indexer closes it, so the test can still read what was committed. */
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized void close() {
            closedByIndexer = true;
        }
    };
    private volatile boolean closedByIndexer;
    private final FakeBulkElasticsearch es = new FakeBulkElasticsearch();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ArticleIndexer indexer = new ArticleIndexer(consumer,
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()), es.client(), config,
            new IndexerMetrics(registry), Clock.systemUTC());
    private Thread thread;
    private volatile boolean reachedEnd;
    /**
     * Where the topic ends as the consumer's fetches saw it. By default far beyond the records a test adds:
     * the indexer is catching up, so its bulks fill by count; once it has caught up it sends what it holds.
     */
    private long topicEnd = 1_000;

    @AfterEach
    void stop() {
        indexer.shutdown();
        await().atMost(PATIENCE).until(() -> {
            es.answerNewestFirst();
            return !thread.isAlive();
        });
    }

    @Test
    void aKillRightBehindItsStoryStaysDeletedWhateverOrderTheRequestsAreAnsweredIn() {
        run(index("story", 1), index("other", 1), delete("story"), index("third", 1));

        // Without the hold, [delete story, index third] would be in flight beside [index story, index other],
        // and answered first. With it, the delete waits aside while "third" goes on, and follows once the
        // story's write is answered.
        awaitBothRequestsOrTheWait();
        answerUntilTheEnd();

        assertThat(es.sent()).containsExactly(List.of("index " + id("story"), "index " + id("other")),
                List.of("index " + id("third"), "delete " + id("story")));
        assertThat(es.documents).containsOnlyKeys(id("other"), id("third"));
        assertThat(committedOffset()).isEqualTo(4);
        assertThat(counter("newsflow.index.order.waits")).isEqualTo(1);
        assertThat(closedByIndexer).isTrue();
    }

    @Test
    void aStoryPublishedAgainAfterItsKillStaysPublished() {
        es.documents.put(id("story"), 1L);
        run(delete("story"), index("other", 1), index("story", 2), index("third", 1));

        awaitBothRequestsOrTheWait();
        answerUntilTheEnd();

        assertThat(es.documents).containsEntry(id("story"), 2L).containsOnlyKeys(id("story"), id("other"), id("third"));
        assertThat(committedOffset()).isEqualTo(4);
    }

    @Test
    void offsetsStopAtTheFirstUnconfirmedWriteWhileALaterRequestIsConfirmed() {
        run(index("a", 1), index("b", 1), index("c", 1), index("d", 1));

        await().atMost(PATIENCE).until(() -> es.unanswered().size() == 2);
        es.answer(es.unanswered().get(1));
        await().atMost(PATIENCE).until(() -> counter("newsflow.index.documents") == 2);
        // The poll thread commits right after it takes in outcomes, before its next poll: once that poll
        // has run this task, any commit of the confirmed second request has been made.
        AtomicBoolean nextPoll = new AtomicBoolean();
        consumer.schedulePollTask(() -> nextPoll.set(true));
        await().atMost(PATIENCE).untilTrue(nextPoll);
        assertThat(committedOffset()).isZero();

        es.answer(es.unanswered().getFirst());
        await().atMost(PATIENCE).until(() -> reachedEnd);
        assertThat(committedOffset()).isEqualTo(4);
        assertThat(counter("newsflow.index.order.waits")).isZero();
    }

    @Test
    void onceCaughtUpAStoryIsSentAtOnceNotAtTheFlushInterval() {
        topicEnd = 1;
        run(index("story", 1));

        // A bulk of two operations is not full with one, and the flush interval is ten minutes: only having
        // read to the topic's end sends it.
        await().atMost(PATIENCE).until(() -> es.unanswered().size() == 1);
        answerUntilTheEnd();

        assertThat(es.sent()).containsExactly(List.of("index " + id("story")));
        assertThat(committedOffset()).isEqualTo(1);
    }

    @SafeVarargs
    private void run(ConsumerRecord<byte[], byte[]>... records) {
        consumer.updateBeginningOffsets(Map.of(partition, 0L));
        consumer.updateEndOffsets(Map.of(partition, topicEnd));
        // Records can be added only once the indexer has assigned itself the partition: at its first poll.
        consumer.schedulePollTask(() -> {
            for (int offset = 0; offset < records.length; offset++) {
                ConsumerRecord<byte[], byte[]> r = records[offset];
                consumer.addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, r.key(), r.value()));
            }
        });
        thread = new Thread(() -> reachedEnd = indexer.runUntil(Map.of(partition, (long) records.length)),
                "test-indexer");
        thread.start();
    }

    private void awaitBothRequestsOrTheWait() {
        await().atMost(PATIENCE).until(() -> es.unanswered().size() == 2 || counter("newsflow.index.order.waits") == 1);
    }

    private void answerUntilTheEnd() {
        await().atMost(PATIENCE).until(() -> {
            es.answerNewestFirst();
            return reachedEnd;
        });
    }

    /** The committed position, 0 when nothing was committed. */
    private long committedOffset() {
        OffsetAndMetadata committed = consumer.committed(Set.of(partition)).get(partition);
        return committed == null ? 0 : committed.offset();
    }

    private double counter(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static String id(String guid) {
        return ArticleId.of(IndexFixture.SOURCE, guid);
    }

    /** A record of the enriched topic; {@link #run} gives it its offset. */
    private ConsumerRecord<byte[], byte[]> index(String guid, long version) {
        EnrichedArticle article = IndexFixture.article(guid, version, "Title " + guid, "Body of " + guid);
        var topic = config.kafka().topics().enriched();
        return new ConsumerRecord<>(topic.name(), 0, 0, key(guid), topic.valueSerde().serializer().serialize(topic.name(), article));
    }

    private ConsumerRecord<byte[], byte[]> delete(String guid) {
        return new ConsumerRecord<>(partition.topic(), 0, 0, key(guid), null);
    }

    private static byte[] key(String guid) {
        return id(guid).getBytes(StandardCharsets.UTF_8);
    }
}
