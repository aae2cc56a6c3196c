package dev.newsflow.enrich.dedup;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Marks near-duplicates: an article whose fingerprint is close to that of an earlier article with a
 * different id gets {@code duplicate_of} that article's id. A new version of the same id is an update,
 * never a duplicate, and replaces its own fingerprint. Fingerprints are kept for the retention,
 * counted from the record time of each article's latest version.
 *
 * <p>Two stores: {@link #ARTICLES} (id → {@link SeenArticle}) and {@link #BANDS} ("band key/id" → id),
 * the index that finds candidates by a prefix scan per band instead of a pass over every article.
 * Runs on the single partition of the dedup repartition topic, so it sees every article.
 */
public final class DedupProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    public static final String ARTICLES = "dedup-articles";
    public static final String BANDS = "dedup-bands";
    /** The header in which the enrich step hands over the fingerprint it computed. */
    public static final String FINGERPRINT_HEADER = "newsflow.fingerprint";
    /**
     * Estimated Jaccard similarity from which an article counts as a copy. An edited copy of a wire
     * story scores about 0.7 (FingerprintTest), different stories on one event below 0.1; the
     * signature's error at 64 hashes is about 0.06, so 0.5 keeps clear of both.
     */
    static final double MIN_SIMILARITY = 0.5;
    /** How often (in stream time) expired fingerprints are removed; lookups ignore them meanwhile. */
    static final Duration EVICTION_INTERVAL = Duration.ofMinutes(10);

    private final Topics topics;
    private final Duration retention;
    private final DuplicateCounter duplicates;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, SeenArticle> articles;
    private KeyValueStore<String, String> bands;

    public DedupProcessor(Topics topics, Duration retention, DuplicateCounter duplicates) {
        this.topics = topics;
        this.retention = retention;
        this.duplicates = duplicates;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.articles = context.getStateStore(ARTICLES);
        this.bands = context.getStateStore(BANDS);
        context.schedule(EVICTION_INTERVAL, PunctuationType.STREAM_TIME, this::evictOlderThanRetention);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String id = new String(record.key(), StandardCharsets.UTF_8);
        Optional<Fingerprint> fingerprint = fingerprint(record.headers());
        Record<byte[], byte[]> out = record.withHeaders(withoutFingerprint(record.headers()));
        forget(id);
        if (record.value() == null || fingerprint.isEmpty()) {
            // A withdrawn article must not be named as the original of later copies; a short one has no fingerprint.
            context.forward(out);
            return;
        }
        Instant now = Instant.ofEpochMilli(record.timestamp());
        Optional<String> original = findOriginal(id, fingerprint.get(), now);
        remember(id, new SeenArticle(original.orElse(id), now, fingerprint.get()));
        if (original.isPresent()) {
            out = out.withValue(markedAsDuplicate(record.value(), original.get()));
            duplicates.duplicate();
        }
        context.forward(out);
    }

    /** The original of the most similar earlier article with another id, if one is close enough. */
    private Optional<String> findOriginal(String id, Fingerprint fingerprint, Instant now) {
        Instant oldest = now.minus(retention);
        Set<String> candidates = new LinkedHashSet<>();
        for (String band : fingerprint.bandKeys()) {
            try (KeyValueIterator<String, String> ids = bands.prefixScan(band + "/", new StringSerializer())) {
                ids.forEachRemaining(kv -> candidates.add(kv.value));
            }
        }
        candidates.remove(id);
        List<SeenArticle> close = new ArrayList<>();
        for (String candidate : candidates) {
            SeenArticle seen = articles.get(candidate);
            // An article the new version of this one was copied into does not make this one a copy.
            if (seen != null && !seen.seenAt().isBefore(oldest) && !seen.originalId().equals(id)
                    && seen.fingerprint().similarity(fingerprint) >= MIN_SIMILARITY) {
                close.add(seen);
            }
        }
        return close.stream()
                .max(Comparator.<SeenArticle>comparingDouble(s -> s.fingerprint().similarity(fingerprint))
                        .thenComparing(SeenArticle::seenAt, Comparator.reverseOrder()))
                .map(SeenArticle::originalId);
    }

    private void remember(String id, SeenArticle seen) {
        articles.put(id, seen);
        for (String band : seen.fingerprint().bandKeys()) {
            bands.put(band + "/" + id, id);
        }
    }

    private void forget(String id) {
        SeenArticle seen = articles.get(id);
        if (seen == null) {
            return;
        }
        for (String band : seen.fingerprint().bandKeys()) {
            bands.delete(band + "/" + id);
        }
        articles.delete(id);
    }

    /** Drops every article whose latest version is older than the retention, measured in stream time. */
    private void evictOlderThanRetention(long streamTime) {
        Instant oldest = Instant.ofEpochMilli(streamTime).minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, SeenArticle> all = articles.all()) {
            while (all.hasNext()) {
                KeyValue<String, SeenArticle> entry = all.next();
                if (entry.value.seenAt().isBefore(oldest)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(this::forget);
    }

    private static Optional<Fingerprint> fingerprint(Headers headers) {
        Header header = headers.lastHeader(FINGERPRINT_HEADER);
        return header == null ? Optional.empty() : Optional.of(Fingerprint.fromBytes(header.value()));
    }

    /** The headers without ours: the fingerprint is for this step, not for readers of the enriched topic. */
    private static Headers withoutFingerprint(Headers headers) {
        Headers copy = new RecordHeaders(headers.toArray());
        copy.remove(FINGERPRINT_HEADER);
        return copy;
    }

    private byte[] markedAsDuplicate(byte[] value, String originalId) {
        String topic = topics.enriched().name();
        EnrichedArticle a = topics.enriched().valueSerde().deserializer().deserialize(topic, value);
        EnrichedArticle marked = a.toBuilder().duplicateOf(originalId).build();
        return topics.enriched().valueSerde().serializer().serialize(topic, marked);
    }
}
