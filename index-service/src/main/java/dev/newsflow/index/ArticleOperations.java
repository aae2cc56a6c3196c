package dev.newsflow.index;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import dev.newsflow.core.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a record of the enriched topic into its bulk operation: an index with
 * {@code version_type=external_gte} and {@code indexed_at} stamped, or a delete for a tombstone. A
 * record in the platform's own form is indexed as its bytes stand ({@link CanonicalRecord}); any other
 * is read into an article and written anew.
 * A record that can never be indexed (unreadable, without a usable id) is refused with a
 * {@link RejectedRecordException} naming why, for the dead letter topic.
 */
final class ArticleOperations {

    /** Elasticsearch refuses longer ids; such a record can only be dead-lettered. */
    private static final int MAX_ID_BYTES = 512;

    private final WriteTarget target;
    private final Deserializer<EnrichedArticle> articles;

    ArticleOperations(WriteTarget target, Deserializer<EnrichedArticle> articles) {
        this.target = target;
        this.articles = articles;
    }

    /**
     * @param now the {@code indexed_at} to write
     * @throws RejectedRecordException when the record cannot be indexed
     */
    BulkWrite of(ConsumerRecord<byte[], byte[]> record, Instant now) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            String id = checkedId(key, "tombstone key");
            return new BulkWrite(BulkOperation.of(b -> b.delete(d -> d.index(target.name()).id(id))),
                    new PendingWrite(record, id, null, now));
        }
        Optional<CanonicalRecord> canonical = CanonicalRecord.read(record.value());
        if (canonical.isPresent()) {
            CanonicalRecord article = canonical.get();
            String id = idFor(article.id(), key);
            return index(id, article.version(), article.document(now), new PendingWrite(record, id, article.ingestedAt(), now));
        }
        EnrichedArticle article = read(record);
        String id = idFor(article.id(), key);
        return index(id, article.version(), article.withIndexedAt(now), new PendingWrite(record, id, article.ingestedAt(), now));
    }

    private BulkWrite index(String id, long version, Object document, PendingWrite context) {
        return new BulkWrite(BulkOperation.of(b -> b.index(i -> i.index(target.name()).id(id)
                .version(version).versionType(VersionType.ExternalGte).document(document))), context);
    }

    private static String idFor(String articleId, String key) {
        String id = checkedId(articleId == null ? key : articleId, "article id");
        if (key != null && !key.equals(id)) {
            // A tombstone with this key would miss the document: the topic contract is key = article id.
            throw new RejectedRecordException("record key " + key + " differs from article id " + id);
        }
        return id;
    }

    private EnrichedArticle read(ConsumerRecord<byte[], byte[]> record) {
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
}
