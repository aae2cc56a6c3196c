package dev.newsflow.stack;

/**
 * Where the running Kafka broker and Elasticsearch node answer.
 *
 * @param kafkaBootstrap    host:port for Kafka clients, e.g. {@code 127.0.0.1:39092}
 * @param elasticsearchUrl  base URL of Elasticsearch, e.g. {@code http://127.0.0.1:39200}
 */
public record StackEndpoints(String kafkaBootstrap, String elasticsearchUrl) {
}
