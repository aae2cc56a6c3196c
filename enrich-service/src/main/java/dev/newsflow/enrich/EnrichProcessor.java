package dev.newsflow.enrich;

import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import dev.newsflow.enrich.dedup.DedupProcessor;
import dev.newsflow.enrich.dedup.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches one raw record: reads it, enriches it, writes it, all as bytes so that any failure on the
 * way (bad JSON, no text, an article that cannot be written) is caught here and the record goes to
 * the dead letter topic as it came, with the reason in its headers.
 */
final class EnrichProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(EnrichProcessor.class);
    static final String STAGE = "enrich";

    private final Topics topics;
    private final Enricher enricher;
    private final EnrichMeters meters;
    private ProcessorContext<byte[], byte[]> context;

    EnrichProcessor(Topics topics, Enricher enricher, EnrichMeters meters) {
        this.topics = topics;
        this.enricher = enricher;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        Outcome outcome;
        try {
            outcome = enrich(record);
        } catch (RuntimeException e) {
            // Kafka's own failures happen in forward(), outside this block, and stay fatal for the task.
            deadLetter(record, e);
            return;
        }
        context.forward(outcome.record(), EnrichTopology.TO_DEDUP);
        if (outcome.withdrawn()) {
            meters.withdrawn();
        } else {
            meters.enriched();
        }
    }

    private Outcome enrich(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new EnrichmentException("raw record has no value");
        }
        RawArticle raw = withRecordIdentity(
                topics.raw().valueSerde().deserializer().deserialize(topics.raw().name(), record.value()), record);
        byte[] key = topics.enriched().keySerde().serializer().serialize(topics.enriched().name(), raw.id());
        if (raw.withdrawn()) {
            if (raw.id() == null) {
                throw new EnrichmentException("withdrawn article has no id");
            }
            return new Outcome(record.withKey(key).withValue(null), true);
        }
        EnrichedArticle article = enricher.enrich(raw);
        byte[] value = topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), article);
        // Fingerprinting here, in parallel across partitions, leaves the single-partition dedup step only lookups.
        Headers headers = new RecordHeaders(record.headers().toArray());
        Fingerprint.of(article.body()).ifPresent(f -> headers.add(DedupProcessor.FINGERPRINT_HEADER, f.toBytes()));
        return new Outcome(record.withKey(key).withValue(value).withHeaders(headers), false);
    }

    /**
     * The record key is the article id and the record timestamp the ingest time (DESIGN.md); they fill
     * in what the JSON leaves out.
     */
    private static RawArticle withRecordIdentity(RawArticle raw, Record<byte[], byte[]> record) {
        if (raw == null) {
            throw new SerializationException("raw record is JSON null, not an article");
        }
        boolean idFromKey = raw.id() == null && record.key() != null;
        boolean timeFromRecord = raw.ingestedAt() == null;
        if (!idFromKey && !timeFromRecord) {
            return raw;
        }
        return raw.withIdentity(
                idFromKey ? new String(record.key(), StandardCharsets.UTF_8) : raw.id(),
                raw.guid(),
                raw.version(),
                timeFromRecord ? Instant.ofEpochMilli(record.timestamp()) : raw.ingestedAt());
    }

    private void deadLetter(Record<byte[], byte[]> record, RuntimeException error) {
        RecordMetadata where = context.recordMetadata().orElse(null);
        String topic = where == null ? topics.raw().name() : where.topic();
        int partition = where == null ? -1 : where.partition();
        long offset = where == null ? -1 : where.offset();
        if (error instanceof SerializationException || error instanceof EnrichmentException) {
            log.warn("dead letter from {}-{}@{}: {}", topic, partition, offset, error.getMessage());
        } else {
            log.warn("dead letter from {}-{}@{}: unexpected failure", topic, partition, offset, error);
        }
        context.forward(record.withHeaders(DeadLetters.headers(STAGE, error, topic, partition, offset)),
                EnrichTopology.DEADLETTER_SINK);
        meters.deadLetter(error);
    }

    /** What goes to the enriched topic: an article, or a tombstone for a withdrawn one. */
    private record Outcome(Record<byte[], byte[]> record, boolean withdrawn) {
    }
}
