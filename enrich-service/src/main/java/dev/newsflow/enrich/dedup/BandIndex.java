package dev.newsflow.enrich.dedup;

import dev.newsflow.core.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The second dedup step, on a repartition topic keyed by band key: for each {@link BandOp} it answers, keyed by
 * the article id, which close articles are already filed under that key ({@link BandAnswer}), then files the
 * article there. Every band of every article gets an answer, even an empty one, so {@link CopyResolver} knows
 * when it has heard from all. Removals take an id's entry back without an answer.
 *
 * <p>A key that boilerplate shares among thousands of stories keeps only the {@value #MAX_MEMBERS} articles
 * last seen most recently, so that the work per record stays bounded; a story is found through any of its 16
 * bands, so a copy is rarely lost this way.
 */
public final class BandIndex implements Processor<byte[], byte[], byte[], byte[]> {

    /** Store: band key → {@link BandMembers}. */
    public static final String BANDS = "dedup-band-members";
    /**
     * Estimated Jaccard similarity from which an article counts as a copy. An edited copy of a wire
     * story scores about 0.7 (FingerprintTest), different stories on one event below 0.1; the
     * signature's error at 64 hashes is about 0.06, so 0.5 keeps clear of both.
     */
    static final double MIN_SIMILARITY = 0.5;
    /** The most articles kept under one band key. */
    static final int MAX_MEMBERS = 50;
    /** How often (in stream time) expired entries are removed; lookups ignore them meanwhile. */
    static final Duration EVICTION_INTERVAL = Duration.ofMinutes(10);

    static final Serde<BandAnswer> ANSWERS = new JsonSerde<>(BandAnswer.class);
    private static final Serde<BandMembers> MEMBERS = new JsonSerde<>(BandMembers.class);
    private static final Comparator<BandMember> NEWEST_FIRST =
            Comparator.comparing(BandMember::lastSeen).reversed().thenComparing(BandMember::id);

    private final Duration retention;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, BandMembers> bands;

    public BandIndex(Duration retention) {
        this.retention = retention;
    }

    /** The store's value serde, for the topology that declares the store. */
    public static Serde<?> membersSerde() {
        return MEMBERS;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.bands = context.getStateStore(BANDS);
        context.schedule(EVICTION_INTERVAL, PunctuationType.STREAM_TIME, this::evictOlderThanRetention);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String band = new String(record.key(), StandardCharsets.UTF_8);
        BandOp op = BandRouter.OPS.deserializer().deserialize(null, record.value());
        Instant oldest = Instant.ofEpochMilli(record.timestamp()).minus(retention);
        BandMembers filed = bands.get(band);
        List<BandMember> others = new ArrayList<>();
        if (filed != null) {
            filed.members().stream().filter(m -> !m.id().equals(op.id()) && !m.lastSeen().isBefore(oldest))
                    .forEach(others::add);
        }
        if (!op.removal()) {
            List<Candidate> close = closeTo(op, others);
            context.forward(new Record<>(op.id().getBytes(StandardCharsets.UTF_8),
                    ANSWERS.serializer().serialize(null, new BandAnswer(op.seq(), close)), record.timestamp(),
                    new RecordHeaders()));
            others.add(new BandMember(op.id(), op.firstSeen(), op.lastSeen(), op.fingerprint()));
        }
        save(band, others);
    }

    /**
     * The filed articles close enough to be the original. Later ones only for an id's first version: an update
     * must not become a copy of the articles that copied its first version.
     */
    private static List<Candidate> closeTo(BandOp op, List<BandMember> others) {
        List<Candidate> close = new ArrayList<>();
        for (BandMember m : others) {
            boolean earlier = m.isBefore(op.firstSeen(), op.id());
            if ((earlier || op.firstVersion()) && m.fingerprint().similarity(op.fingerprint()) >= MIN_SIMILARITY) {
                close.add(new Candidate(m.id(), m.firstSeen(), earlier, m.fingerprint().sharedBands(op.fingerprint())));
            }
        }
        return close;
    }

    private void save(String band, List<BandMember> members) {
        if (members.isEmpty()) {
            bands.delete(band);
            return;
        }
        members.sort(NEWEST_FIRST);
        bands.put(band, new BandMembers(members.subList(0, Math.min(members.size(), MAX_MEMBERS))));
    }

    /** Drops every entry whose article was last seen before the retention, measured in stream time. */
    private void evictOlderThanRetention(long streamTime) {
        Instant oldest = Instant.ofEpochMilli(streamTime).minus(retention);
        List<KeyValue<String, List<BandMember>>> changed = new ArrayList<>();
        try (KeyValueIterator<String, BandMembers> all = bands.all()) {
            while (all.hasNext()) {
                KeyValue<String, BandMembers> entry = all.next();
                List<BandMember> kept = entry.value.members().stream().filter(m -> !m.lastSeen().isBefore(oldest))
                        .collect(Collectors.toCollection(ArrayList::new));
                if (kept.size() < entry.value.members().size()) {
                    changed.add(KeyValue.pair(entry.key, kept));
                }
            }
        }
        changed.forEach(kv -> save(kv.key, kv.value));
    }
}
