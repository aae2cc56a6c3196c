package dev.newsflow.cli;

import dev.newsflow.core.TopicInitializer;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The Kafka client settings of the operator tools: short timeouts, so a missing broker is reported, not waited for. */
public final class KafkaClients {

    private KafkaClients() {
    }

    public static Map<String, Object> admin(CliConfig config) {
        int timeoutMs = (int) config.timeout().toMillis();
        return config.kafka().clientProperties(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-cli-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                // One attempt at an unreachable broker per second rather than a burst of warnings.
                CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 1000,
                CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000));
    }

    /**
     * A consumer without a group: the tools assign partitions and read them whole, and must never
     * commit offsets or join the services' groups. read_committed hides the dead letters of aborted
     * enrich transactions, which the pipeline never delivered either.
     */
    public static Map<String, Object> reader(CliConfig config) {
        int timeoutMs = (int) config.timeout().toMillis();
        return config.kafka().clientProperties(Map.ofEntries(
                Map.entry(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-cli-reader"),
                Map.entry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                // Looking at a topic must never create it.
                Map.entry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                Map.entry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                Map.entry(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs),
                Map.entry(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs),
                Map.entry(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 1000),
                Map.entry(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000),
                Map.entry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class),
                Map.entry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)));
    }

    /**
     * A transactional producer, so a replayed record and the ledger entry recording it are written
     * together or not at all. One transactional id per installation (topic prefix): a second replay
     * started elsewhere fences the first instead of both sending the same dead letters.
     */
    public static Map<String, Object> replayProducer(CliConfig config) {
        int timeoutMs = (int) Math.max(config.timeout().toMillis(), 10_000);
        return config.kafka().clientProperties(Map.ofEntries(
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-cli-replay"),
                Map.entry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.kafka().topicPrefix() + "newsflow-dlq-replay"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs * 3),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs),
                // A dead letter may be as large as the topics allow; its replay must fit too.
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, TopicInitializer.MAX_MESSAGE_BYTES),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }
}
