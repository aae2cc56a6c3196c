package dev.newsflow.index;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The context the indexer attaches to each bulk operation: the Kafka record it came from (for the
 * offset to confirm and, should Elasticsearch reject it, the original bytes for the dead letter topic)
 * and the timestamps for the end-to-end latency.
 *
 * @param id         the document id, or null when the record could not be read far enough to know it
 * @param ingestedAt when ingest received the story, null for a tombstone
 * @param indexedAt  the {@code indexed_at} written into the document
 */
record PendingWrite(ConsumerRecord<byte[], byte[]> record, String id, Instant ingestedAt, Instant indexedAt) {

    TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }

    long offset() {
        return record.offset();
    }

    boolean isDelete() {
        return record.value() == null;
    }
}
