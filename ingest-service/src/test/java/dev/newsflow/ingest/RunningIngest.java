package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.core.Env;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.Topic;
import dev.newsflow.stack.StackEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * An ingest-service started for one integration test against the real broker, on its own
 * random topics, with one key for the source "wire"; and a way to read what reached Kafka.
 */
final class RunningIngest implements AutoCloseable {

    private final StackEndpoints stack;
    private final IngestConfig config;
    private final IngestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    RunningIngest(StackEndpoints stack, String key) {
        this.stack = stack;
        this.config = IngestConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                "NEWSFLOW_TOPIC_PREFIX", "it-" + UUID.randomUUID() + ".",
                "NEWSFLOW_TOPIC_PARTITIONS", "2",
                "NEWSFLOW_INGEST_PORT", "0",
                "NEWSFLOW_INGEST_KEYS", "wire:" + key)));
        this.server = IngestServer.start(config);
    }

    IngestConfig config() {
        return config;
    }

    HttpResponse<String> post(String contentType, byte[] body, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/articles"))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                BodyHandlers.ofString());
    }

    /** Everything on the raw topic, read from the start without a consumer group, in offset order per partition. */
    List<ConsumerRecord<String, RawArticle>> awaitRawRecords(int expected) {
        Topic<String, RawArticle> raw = config.kafka().topics().raw();
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(props, raw.keySerde().deserializer(), raw.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(raw.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, RawArticle>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(records).hasSize(expected);
            });
            return records;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
