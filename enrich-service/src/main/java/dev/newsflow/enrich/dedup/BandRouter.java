package dev.newsflow.enrich.dedup;

import dev.newsflow.core.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The first dedup step, on the raw topic's partitions right after the enrich step (so keyed and partitioned by
 * article id): sends the enriched article on at once, unmarked, and starts its duplicate check. That is one
 * {@link BandOp} per band key of its fingerprint, for {@link BandIndex}, while the version is held
 * ({@link HeldVersions}) until {@link CopyResolver} has all the answers and, should they name an original,
 * sends it again marked. It remembers each id's first-seen time, latest version and fingerprint ({@link #KNOWN}),
 * so that an update or a withdrawal takes back the band entries of the version before it.
 */
public final class BandRouter implements Processor<byte[], byte[], byte[], byte[]> {

    /** The header in which the enrich step hands over the fingerprint it computed. */
    public static final String FINGERPRINT_HEADER = "newsflow.fingerprint";
    /** Store: article id → {@link KnownArticle}. */
    public static final String KNOWN = "dedup-known";

    static final Serde<BandOp> OPS = new JsonSerde<>(BandOp.class);
    private static final Serde<KnownArticle> KNOWN_SERDE = new JsonSerde<>(KnownArticle.class);

    private final Duration retention;
    private final String toBands;
    private final String toEnriched;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, KnownArticle> known;
    private HeldVersions held;

    /** Band operations go to the child named {@code toBands}, articles to the child named {@code toEnriched}. */
    public BandRouter(Duration retention, String toBands, String toEnriched) {
        this.retention = retention;
        this.toBands = toBands;
        this.toEnriched = toEnriched;
    }

    /** The store's value serde, for the topology that declares the store. */
    public static Serde<?> knownSerde() {
        return KNOWN_SERDE;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.known = context.getStateStore(KNOWN);
        this.held = new HeldVersions(context);
        context.schedule(BandIndex.EVICTION_INTERVAL, PunctuationType.STREAM_TIME, this::evictOlderThanRetention);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String id = new String(record.key(), StandardCharsets.UTF_8);
        // The raw offset numbers the versions of an id: all of them come through this one partition, in order.
        long seq = context.recordMetadata().map(RecordMetadata::offset)
                .orElseThrow(() -> new IllegalStateException("dedup needs the raw record's offset"));
        Instant now = Instant.ofEpochMilli(record.timestamp());
        Optional<Fingerprint> fingerprint = record.value() == null ? Optional.empty() : fingerprint(record.headers());
        KnownArticle before = current(id, now);
        List<String> bands = fingerprint.map(Fingerprint::bandKeys).orElse(List.of());

        if (before != null && before.fingerprint() != null) {
            // Keys the new version keeps are overwritten by its own entry; the others are taken back.
            byte[] remove = OPS.serializer().serialize(null, BandOp.remove(id));
            before.fingerprint().bandKeys().stream().filter(band -> !bands.contains(band))
                    .forEach(band -> toBand(record, band, remove));
        }
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.remove(FINGERPRINT_HEADER);
        Record<byte[], byte[]> article = record.withHeaders(headers);
        if (record.value() == null) {
            // A withdrawn article is forgotten; should its id come back, it comes back as a new article.
            known.delete(id);
        } else {
            KnownArticle latest = new KnownArticle(before == null ? now : before.firstSeen(), now, seq, fingerprint.orElse(null));
            known.put(id, latest);
            boolean firstVersion = before == null || before.fingerprint() == null;
            if (!bands.isEmpty()) {
                held.hold(id, seq, article, bands.size());
            }
            // One operation for all bands: written once, sent under each band key.
            byte[] add = OPS.serializer().serialize(null, BandOp.add(id, seq, latest, firstVersion));
            bands.forEach(band -> toBand(record, band, add));
        }
        context.forward(article, toEnriched);
    }

    /** The id's entry, unless its retention has run out (eviction runs only now and then). */
    private KnownArticle current(String id, Instant now) {
        KnownArticle entry = known.get(id);
        return entry == null || entry.lastSeen().isBefore(now.minus(retention)) ? null : entry;
    }

    private void toBand(Record<byte[], byte[]> record, String band, byte[] op) {
        context.forward(new Record<>(band.getBytes(StandardCharsets.UTF_8), op, record.timestamp(), new RecordHeaders()),
                toBands);
    }

    /**
     * Drops ids whose latest version is older than the retention. Their band entries expire by the same rule in
     * {@link BandIndex}, so nothing needs to be sent there.
     */
    private void evictOlderThanRetention(long streamTime) {
        Instant oldest = Instant.ofEpochMilli(streamTime).minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, KnownArticle> all = known.all()) {
            while (all.hasNext()) {
                KeyValue<String, KnownArticle> entry = all.next();
                if (entry.value.lastSeen().isBefore(oldest)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(known::delete);
    }

    private static Optional<Fingerprint> fingerprint(Headers headers) {
        Header header = headers.lastHeader(FINGERPRINT_HEADER);
        return header == null ? Optional.empty() : Optional.of(Fingerprint.fromBytes(header.value()));
    }
}
