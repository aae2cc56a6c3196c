package dev.newsflow.e2e;

import dev.newsflow.cli.TopicReader;
import dev.newsflow.core.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A topic read whole, from its first record to its end, by a consumer outside any group (the
 * operator tool's {@link TopicReader}). read_committed sees what the pipeline delivered;
 * read_uncommitted also sees the records of aborted transactions.
 */
final class TopicContents {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicContents() {
    }

    static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, IsolationLevel isolation) {
        try (var consumer = consumer(bootstrap, isolation)) {
            return new TopicReader(consumer, TIMEOUT).readAll(topic);
        }
    }

    /** Partition → its last stable offset: no record below it belongs to a transaction still open. */
    static Map<Integer, Long> lastStableOffsets(String bootstrap, String topic) {
        try (var consumer = consumer(bootstrap, IsolationLevel.READ_COMMITTED)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<Integer, Long> stable = new HashMap<>();
            consumer.endOffsets(partitions, TIMEOUT).forEach((partition, offset) -> stable.put(partition.partition(), offset));
            return stable;
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, IsolationLevel isolation) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                // With read_committed, end offsets are last stable offsets.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Key (the article id) → the stage and reason of its dead letters, as a read_committed consumer sees them. */
    static Map<String, String> deadLetterReasons(String bootstrap, String topic) {
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : read(bootstrap, topic, IsolationLevel.READ_COMMITTED)) {
            if (record.key() != null) {
                reasons.merge(new String(record.key(), StandardCharsets.UTF_8),
                        DeadLetters.stage(record.headers()) + ": " + DeadLetters.errorMessage(record.headers()),
                        (a, b) -> a + "; " + b);
            }
        }
        return reasons;
    }
}
