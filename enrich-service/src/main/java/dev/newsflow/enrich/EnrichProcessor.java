package dev.newsflow.enrich;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topics;
import dev.newsflow.enrich.dedup.BandRouter;
import dev.newsflow.enrich.dedup.Fingerprint;
import dev.newsflow.core.TopicInitializer;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Enriches one raw article and writes it as bytes for the dedup step. What cannot be enriched (no
 * article, no id, no text, an article that cannot be written) throws, and Kafka Streams' dead letter
 * queue takes the record as it came, with the reason ({@link ProcessingFailureHandler}); the stream
 * goes on. Records that are not JSON never get here: the source's deserializer fails them first, and
 * {@link UnreadableRecordHandler} dead-letters them.
 */
final class EnrichProcessor implements Processor<String, RawArticle, byte[], byte[]> {

    /**
     * The largest enriched record written: what the topics take ({@link TopicInitializer#MAX_MESSAGE_BYTES}),
     * less room for headers and batch overhead. A larger one is the record's failure (a dead letter), not
     * a production error that would stop the stream.
     */
    static final int MAX_ENRICHED_BYTES = TopicInitializer.MAX_MESSAGE_BYTES - 64 * 1024;

    private final Topics topics;
    private final Enricher enricher;
    private final Duration recordBudget;
    private final EnrichMeters meters;
    private ProcessorContext<byte[], byte[]> context;
    private EnrichmentBudget budget;

    EnrichProcessor(Topics topics, Enricher enricher, Duration recordBudget, EnrichMeters meters) {
        this.topics = topics;
        this.enricher = enricher;
        this.recordBudget = recordBudget;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.budget = new EnrichmentBudget(enricher::enrich, recordBudget, meters.abandonedWorkers());
    }

    @Override
    public void close() {
        budget.close();
    }

    @Override
    public void process(Record<String, RawArticle> record) {
        Outcome outcome = enrich(record);
        context.forward(outcome.record());
        if (outcome.withdrawn()) {
            meters.withdrawn();
        } else {
            meters.enriched();
        }
    }

    private Outcome enrich(Record<String, RawArticle> record) {
        if (record.value() == null) {
            // The JSON serde reads both an empty record and the JSON literal null as no article.
            throw new EnrichmentException("raw record has no article (no value, or JSON null)");
        }
        RawArticle raw = withRecordIdentity(record.value(), record);
        byte[] key = topics.enriched().keySerde().serializer().serialize(topics.enriched().name(), raw.id());
        if (raw.withdrawn()) {
            if (raw.id() == null) {
                throw new EnrichmentException("withdrawn article has no id");
            }
            return new Outcome(record.withKey(key).withValue(null), true);
        }
        EnrichedArticle article = budget.enrich(raw);
        // Written here rather than by the repartition's serde: a failure is then this record's, and goes to the
        // dead letter queue, instead of a production error that stops the stream.
        byte[] value = topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), article);
        if (value.length > MAX_ENRICHED_BYTES) {
            throw new EnrichmentException("the enriched article is " + value.length + " bytes, more than the "
                    + MAX_ENRICHED_BYTES + " a record may hold");
        }
        // Fingerprinting here, in parallel across partitions, leaves the dedup steps only lookups.
        Headers headers = new RecordHeaders(record.headers().toArray());
        Fingerprint.of(article.body()).ifPresent(f -> headers.add(BandRouter.FINGERPRINT_HEADER, f.toBytes()));
        return new Outcome(record.withKey(key).withValue(value).withHeaders(headers), false);
    }

    /**
     * The record key is the article id and the record timestamp the ingest time (DESIGN.md); they fill
     * in what the JSON leaves out.
     */
    private static RawArticle withRecordIdentity(RawArticle raw, Record<String, RawArticle> record) {
        boolean idFromKey = raw.id() == null && record.key() != null;
        boolean timeFromRecord = raw.ingestedAt() == null;
        if (!idFromKey && !timeFromRecord) {
            return raw;
        }
        return raw.withIdentity(
                idFromKey ? record.key() : raw.id(),
                raw.guid(),
                raw.version(),
                timeFromRecord ? Instant.ofEpochMilli(record.timestamp()) : raw.ingestedAt());
    }

    /** What goes to the enriched topic: an article, or a tombstone for a withdrawn one. */
    private record Outcome(Record<byte[], byte[]> record, boolean withdrawn) {
    }
}
