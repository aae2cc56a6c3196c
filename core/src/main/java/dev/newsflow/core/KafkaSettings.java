package dev.newsflow.core;

/**
 * Where Kafka is and how the pipeline's topics are laid out.
 *
 * @param bootstrap    {@code NEWSFLOW_KAFKA_BOOTSTRAP}, default {@code 127.0.0.1:9092}; a comma list of
 *                     {@code host:port} for a cluster (any live one is enough to find the rest)
 * @param topicPrefix  {@code NEWSFLOW_TOPIC_PREFIX}, default none
 * @param partitions   {@code NEWSFLOW_TOPIC_PARTITIONS}, default 6
 * @param replication  {@code NEWSFLOW_TOPIC_REPLICATION}, default 1 (one local broker)
 * @param minInSync    {@code NEWSFLOW_TOPIC_MIN_ISR}, default one less than the replication (at least 1):
 *                     the replicas that must hold a record before an {@code acks=all} write is confirmed,
 *                     so RF 3 / min ISR 2 survives one broker down without losing a confirmed record
 */
public record KafkaSettings(String bootstrap, String topicPrefix, int partitions, short replication, short minInSync) {

    public KafkaSettings {
        if (minInSync < 1 || minInSync > replication) {
            throw new ConfigException("NEWSFLOW_TOPIC_MIN_ISR must be between 1 and NEWSFLOW_TOPIC_REPLICATION ("
                    + replication + "), got " + minInSync);
        }
    }

    /** Settings with the default min ISR for {@code replication}. */
    public KafkaSettings(String bootstrap, String topicPrefix, int partitions, short replication) {
        this(bootstrap, topicPrefix, partitions, replication, defaultMinInSync(replication));
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
        if (minInSync < 1 || minInSync > replication) {
            throw new ConfigException("NEWSFLOW_TOPIC_MIN_ISR must be between 1 and NEWSFLOW_TOPIC_REPLICATION ("
                    + replication + "), got " + minInSync);
        }
        return new KafkaSettings(
                env.string("NEWSFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                env.string("NEWSFLOW_TOPIC_PREFIX", ""),
                partitions,
                (short) replication,
                (short) minInSync);
    }

    /** One less than the replication, at least 1: RF 3 gives 2, RF 1 gives 1. */
    static short defaultMinInSync(short replication) {
        return (short) Math.max(1, replication - 1);
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }
}
