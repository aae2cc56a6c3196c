package dev.newsflow.stack;

import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same two servers from their official images, for machines with a Docker engine
 * ({@code -Dnewsflow.stack=containers}). Not usable where no engine runs.
 */
final class ContainerStack implements RunningStack {

    private final KafkaContainer kafka;
    private final ElasticsearchContainer elasticsearch;

    private ContainerStack(KafkaContainer kafka, ElasticsearchContainer elasticsearch) {
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
    }

    static ContainerStack start(String kafkaVersion, String elasticsearchVersion) {
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:" + kafkaVersion));
        ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
                DockerImageName.parse("docker.elastic.co/elasticsearch/elasticsearch:" + elasticsearchVersion))
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        kafka.start();
        elasticsearch.start();
        return new ContainerStack(kafka, elasticsearch);
    }

    @Override
    public StackEndpoints endpoints() {
        return new StackEndpoints(kafka.getBootstrapServers(), "http://" + elasticsearch.getHttpHostAddress());
    }

    @Override
    public void close() {
        kafka.stop();
        elasticsearch.stop();
    }
}
