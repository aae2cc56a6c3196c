package dev.newsflow.enrich.dedup;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.JsonSerde;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The last dedup step, on two co-partitioned repartition topics keyed by article id: the articles from
 * {@link BandRouter} and the answers from {@link BandIndex}. It holds each article version ({@link #PENDING})
 * until all its bands have answered ({@link #TALLIES}), then sets {@code duplicate_of} to the original the
 * answers name ({@link AnswerTally#original()}) and sends it on. Versions of one id go out in the order they
 * came, a later one waiting behind an earlier one that still waits for answers; tombstones and articles
 * without fingerprint wait for nothing but that.
 */
public final class CopyResolver implements Processor<byte[], byte[], byte[], byte[]> {

    /** Store: "id/seq" → {@link PendingArticle}; the zero-padded seq makes a prefix scan list versions in order. */
    public static final String PENDING = "dedup-pending";
    /** Store: "id/seq" → {@link AnswerTally}; answers may arrive before their article. */
    public static final String TALLIES = "dedup-tallies";

    private static final Serde<PendingArticle> PENDING_SERDE = new PendingArticleSerde();
    private static final Serde<AnswerTally> TALLY_SERDE = new JsonSerde<>(AnswerTally.class);

    private final Topics topics;
    private final DuplicateCounter duplicates;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, PendingArticle> pending;
    private KeyValueStore<String, AnswerTally> tallies;

    public CopyResolver(Topics topics, DuplicateCounter duplicates) {
        this.topics = topics;
        this.duplicates = duplicates;
    }

    public static Serde<?> pendingSerde() {
        return PENDING_SERDE;
    }

    public static Serde<?> tallySerde() {
        return TALLY_SERDE;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.pending = context.getStateStore(PENDING);
        this.tallies = context.getStateStore(TALLIES);
    }

    /** An article carries {@link BandRouter#SEQ_HEADER}; anything else is a band's answer. */
    @Override
    public void process(Record<byte[], byte[]> record) {
        String id = new String(record.key(), StandardCharsets.UTF_8);
        if (record.headers().lastHeader(BandRouter.SEQ_HEADER) != null) {
            Headers headers = new RecordHeaders(record.headers().toArray());
            long seq = BandRouter.seq(headers);
            int expected = BandRouter.expectedAnswers(headers);
            headers.remove(BandRouter.SEQ_HEADER);
            headers.remove(BandRouter.ANSWERS_HEADER);
            String key = key(id, seq);
            pending.put(key, new PendingArticle(record.value(), record.timestamp(), PendingArticle.store(headers), expected));
            if (expected > 0) {
                tallies.put(key, tallyOf(key).expecting(expected));
            }
        } else {
            BandAnswer answer = BandIndex.ANSWERS.deserializer().deserialize(null, record.value());
            String key = key(id, answer.seq());
            AnswerTally tally = tallyOf(key).with(answer);
            tallies.put(key, tally);
            if (!tally.complete()) {
                // Nothing of this id can go out yet: this version still waits, or its article has not arrived
                // (which then looks for complete versions itself). Saves reading the held articles per answer.
                return;
            }
        }
        sendWhatIsComplete(id);
    }

    private AnswerTally tallyOf(String key) {
        AnswerTally tally = tallies.get(key);
        return tally == null ? AnswerTally.NONE : tally;
    }

    /** Sends the id's waiting versions in order, up to the first that still lacks answers. */
    private void sendWhatIsComplete(String id) {
        List<KeyValue<String, PendingArticle>> waiting = new ArrayList<>();
        try (KeyValueIterator<String, PendingArticle> versions = pending.prefixScan(id + "/", new StringSerializer())) {
            versions.forEachRemaining(waiting::add);
        }
        for (KeyValue<String, PendingArticle> version : waiting) {
            AnswerTally answers = tallyOf(version.key);
            if (answers.answered() < version.value.expectedAnswers()) {
                return;
            }
            send(id, version.value, answers.original());
            pending.delete(version.key);
            tallies.delete(version.key);
        }
    }

    private void send(String id, PendingArticle article, Optional<String> original) {
        byte[] value = article.value();
        if (value != null && original.isPresent()) {
            value = markedAsDuplicate(value, original.get());
            duplicates.duplicate();
        }
        context.forward(new Record<>(id.getBytes(StandardCharsets.UTF_8), value, article.timestamp(),
                article.recordHeaders()));
    }

    private static String key(String id, long seq) {
        return id + "/" + String.format(Locale.ROOT, "%019d", seq);
    }

    private byte[] markedAsDuplicate(byte[] value, String originalId) {
        String topic = topics.enriched().name();
        EnrichedArticle a = topics.enriched().valueSerde().deserializer().deserialize(topic, value);
        EnrichedArticle marked = a.toBuilder().duplicateOf(originalId).build();
        return topics.enriched().valueSerde().serializer().serialize(topic, marked);
    }
}
