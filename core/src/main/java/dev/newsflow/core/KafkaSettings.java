package dev.newsflow.core;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where Kafka is, how to log in to it, and how the pipeline's topics are laid out.
 *
 * @param bootstrap    {@code NEWSFLOW_KAFKA_BOOTSTRAP}, default {@code 127.0.0.1:9092}; a comma list of
 *                     {@code host:port} for a cluster (any live one is enough to find the rest)
 * @param topicPrefix  {@code NEWSFLOW_TOPIC_PREFIX}, default none
 * @param partitions   {@code NEWSFLOW_TOPIC_PARTITIONS}, default 6
 * @param replication  {@code NEWSFLOW_TOPIC_REPLICATION}, default 1 (one local broker)
 * @param minInSync    {@code NEWSFLOW_TOPIC_MIN_ISR}, default one less than the replication (at least 1):
 *                     the replicas that must hold a record before an {@code acks=all} write is confirmed,
 *                     so RF 3 / min ISR 2 survives one broker down without losing a confirmed record
 * @param security     {@code NEWSFLOW_KAFKA_SECURITY_PROTOCOL} and the rest, see {@link KafkaSecurity}
 */
public record KafkaSettings(String bootstrap, String topicPrefix, int partitions, short replication, short minInSync,
                            KafkaSecurity security) {

    public KafkaSettings {
        requireMinInSync(minInSync, replication);
    }

    /** Settings with the default min ISR for {@code replication}, for a broker that takes PLAINTEXT connections. */
    public KafkaSettings(String bootstrap, String topicPrefix, int partitions, short replication) {
        this(bootstrap, topicPrefix, partitions, replication, defaultMinInSync(replication), KafkaSecurity.PLAINTEXT);
    }

    public static KafkaSettings fromEnv(Env env) {
        int partitions = env.integer("NEWSFLOW_TOPIC_PARTITIONS", 6);
        if (partitions < 1) {
            throw new ConfigException("NEWSFLOW_TOPIC_PARTITIONS must be at least 1, got " + partitions);
        }
        int replication = env.integer("NEWSFLOW_TOPIC_REPLICATION", 1);
        if (replication < 1 || replication > Short.MAX_VALUE) {
            throw new ConfigException("NEWSFLOW_TOPIC_REPLICATION must be at least 1, got " + replication);
        }
        int minInSync = env.integer("NEWSFLOW_TOPIC_MIN_ISR", defaultMinInSync((short) replication));
        requireMinInSync(minInSync, replication);
        return new KafkaSettings(
                env.string("NEWSFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                env.string("NEWSFLOW_TOPIC_PREFIX", ""),
                partitions,
                (short) replication,
                (short) minInSync,
                KafkaSecurity.fromEnv(env));
    }

    private static void requireMinInSync(int minInSync, int replication) {
        if (minInSync < 1 || minInSync > replication) {
            throw new ConfigException("NEWSFLOW_TOPIC_MIN_ISR must be between 1 and NEWSFLOW_TOPIC_REPLICATION ("
                    + replication + "), got " + minInSync);
        }
    }

    /** One less than the replication, at least 1: RF 3 gives 2, RF 1 gives 1. */
    public static short defaultMinInSync(short replication) {
        return (short) Math.max(1, replication - 1);
    }

    /**
     * A Kafka client's configuration: the client's own settings plus where the brokers are and how to
     * log in. Every producer, consumer, admin client and Kafka Streams instance is configured through
     * here, so none of them connects without the security settings.
     */
    public Map<String, Object> clientProperties(Map<String, ?> own) {
        Map<String, Object> props = new HashMap<>(own);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.putAll(security.properties());
        return props;
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }
}
