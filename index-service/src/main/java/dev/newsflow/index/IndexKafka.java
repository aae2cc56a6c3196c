package dev.newsflow.index;

import dev.newsflow.core.TopicInitializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka client settings of the index service. */
public final class IndexKafka {

    private IndexKafka() {
    }

    /**
     * Raw bytes in, so a record that does not parse can still go to the dead letter topic unchanged.
     * Offsets are committed by the indexer only; read_committed hides records of aborted enrich transactions.
     */
    public static Map<String, Object> consumer(IndexConfig config) {
        return consumer(config, config.groupId());
    }

    /**
     * The same settings in another consumer group (a re-index reads the topic from the start in its own).
     * Rebalances are cooperative: when an instance joins or leaves, only the partitions that move are
     * revoked, and the others keep indexing. A named instance ({@code NEWSFLOW_INSTANCE_ID}) is a static
     * member of its service's group, so a restart inside the session timeout moves nothing at all.
     */
    public static Map<String, Object> consumer(IndexConfig config, String groupId) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-consumer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.bulk().maxOperations(),
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        if (groupId.equals(config.groupId())) {
            config.instanceId().ifPresent(id -> settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        }
        return Map.copyOf(config.kafka().clientProperties(settings));
    }

    /**
     * Dead letters are acknowledged by all replicas before the record counts as done. A dead letter
     * carries the whole enriched record, so it may be as large as the topics allow (the producer's own
     * default of 1 MiB would turn a large article's dead letter into a failure of its own).
     */
    public static Map<String, Object> deadLetterProducer(IndexConfig config) {
        return config.kafka().clientProperties(Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicInitializer.MAX_MESSAGE_BYTES,
                ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-deadletters",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public static Map<String, Object> admin(IndexConfig config) {
        return config.kafka().clientProperties(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, config.groupId() + "-admin"));
    }
}
