package dev.newsflow.core;

/**
 * Where Kafka is and how the pipeline's topics are laid out.
 *
 * @param bootstrap    {@code NEWSFLOW_KAFKA_BOOTSTRAP}, default {@code 127.0.0.1:9092}
 * @param topicPrefix  {@code NEWSFLOW_TOPIC_PREFIX}, default none
 * @param partitions   {@code NEWSFLOW_TOPIC_PARTITIONS}, default 6
 * @param replication  {@code NEWSFLOW_TOPIC_REPLICATION}, default 1 (one local broker)
 */
public record KafkaSettings(String bootstrap, String topicPrefix, int partitions, short replication) {

    public static KafkaSettings fromEnv(Env env) {
        int partitions = env.integer("NEWSFLOW_TOPIC_PARTITIONS", 6);
        if (partitions < 1) {
            throw new ConfigException("NEWSFLOW_TOPIC_PARTITIONS must be at least 1, got " + partitions);
        }
        int replication = env.integer("NEWSFLOW_TOPIC_REPLICATION", 1);
        if (replication < 1 || replication > Short.MAX_VALUE) {
            throw new ConfigException("NEWSFLOW_TOPIC_REPLICATION must be at least 1, got " + replication);
        }
        return new KafkaSettings(
                env.string("NEWSFLOW_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                env.string("NEWSFLOW_TOPIC_PREFIX", ""),
                partitions,
                (short) replication);
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }
}
