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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
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
        this(stack, key, Map.of());
    }

    /** @param moreEnv further variables, such as the in-flight bounds */
    RunningIngest(StackEndpoints stack, String key, Map<String, String> moreEnv) {
        this.stack = stack;
        Map<String, String> env = new HashMap<>(Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                "NEWSFLOW_TOPIC_PREFIX", "it-" + UUID.randomUUID() + ".",
                "NEWSFLOW_TOPIC_PARTITIONS", "2",
                "NEWSFLOW_INGEST_PORT", "0",
                "NEWSFLOW_INGEST_KEYS", "wire:" + key));
        env.putAll(moreEnv);
        this.config = IngestConfig.fromEnv(new Env(env));
        this.server = IngestServer.start(config);
    }

    /** A POST to /v1/articles, to send however the test likes (async, with a timeout). */
    HttpRequest.Builder request(String contentType, byte[] body, String key) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/articles"))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    IngestConfig config() {
        return config;
    }

    HttpResponse<String> post(String contentType, byte[] body, String key) throws IOException, InterruptedException {
        return http.send(request(contentType, body, key).build(), BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                BodyHandlers.ofString());
    }

    /** Everything on the raw topic, read from the start without a consumer group, in offset order per partition. */
    List<ConsumerRecord<String, RawArticle>> awaitRawRecords(int expected) {
        return awaitRawRecords(records -> assertThat(records).hasSize(expected));
    }

    /**
     * Reads the raw topic from the start until what was read satisfies the check.
     *
     * @param check an assertion on all records read so far
     */
    List<ConsumerRecord<String, RawArticle>> awaitRawRecords(Consumer<List<ConsumerRecord<String, RawArticle>>> check) {
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
                check.accept(records);
            });
            return records;
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
