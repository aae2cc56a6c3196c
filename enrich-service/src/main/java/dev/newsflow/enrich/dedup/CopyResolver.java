package dev.newsflow.enrich.dedup;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.JsonSerde;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The last dedup step, on the answers from {@link BandIndex} keyed by article id, in the same task as
 * {@link BandRouter} (they share its stores, and the answers topic is partitioned as the raw topic is). The
 * article itself has already gone out, unmarked, as soon as it was enriched; the resolver only finishes its
 * check. When the last band of a version has answered and the answers name an original
 * ({@link AnswerTally#original()}), it sends that version again with {@code duplicate_of} set, but only while
 * it is still the id's latest: once a later version or a withdrawal has gone out, marking the earlier one
 * would put it back over them, and the later version has a check of its own.
 */
public final class CopyResolver implements Processor<byte[], byte[], byte[], byte[]> {

    /** Store: "id/seq" → {@link PendingArticle}; the version as it went out, to send again if it is a copy. */
    public static final String PENDING = "dedup-pending";
    /** Store: "id/seq" → {@link AnswerTally}; the answers so far, kept apart so each answer rewrites little. */
    public static final String TALLIES = "dedup-tallies";

    private static final Serde<PendingArticle> PENDING_SERDE = new PendingArticleSerde();
    private static final Serde<AnswerTally> TALLY_SERDE = new JsonSerde<>(AnswerTally.class);

    private final Topics topics;
    private final DuplicateCounter duplicates;
    private ProcessorContext<byte[], byte[]> context;
    private HeldVersions held;
    private KeyValueStore<String, KnownArticle> known;

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
        this.held = new HeldVersions(context);
        this.known = context.getStateStore(BandRouter.KNOWN);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String id = new String(record.key(), StandardCharsets.UTF_8);
        BandAnswer answer = BandIndex.ANSWERS.deserializer().deserialize(null, record.value());
        held.answer(id, answer).ifPresent(checked -> checked.original().ifPresent(original -> {
            KnownArticle latest = known.get(id);
            if (latest != null && latest.seq() == answer.seq()) {
                duplicates.duplicate();
                context.forward(new Record<>(record.key(), markedAsDuplicate(checked.article().value(), original),
                        checked.article().timestamp(), checked.headers()));
            }
        }));
    }

    private byte[] markedAsDuplicate(byte[] value, String originalId) {
        String topic = topics.enriched().name();
        EnrichedArticle a = topics.enriched().valueSerde().deserializer().deserialize(topic, value);
        EnrichedArticle marked = a.toBuilder().duplicateOf(originalId).build();
        return topics.enriched().valueSerde().serializer().serialize(topic, marked);
    }
}
