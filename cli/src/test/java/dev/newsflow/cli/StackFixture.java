package dev.newsflow.cli;

import dev.newsflow.core.Json;
import dev.newsflow.core.KafkaSettings;
import dev.newsflow.core.Env;
import dev.newsflow.core.TopicInitializer;
import dev.newsflow.stack.StackEndpoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One test's slice of the real stack: its own topic prefix, consumer groups and alias, and the environment
 * that points the commands at them.
 */
final class StackFixture {

    final StackEndpoints stack;
    final String prefix = "it-" + UUID.randomUUID() + ".";
    final String alias = "it-" + UUID.randomUUID();
    final String enrichGroup = "it-enrich-" + UUID.randomUUID();
    final String indexGroup = "it-index-" + UUID.randomUUID();
    final Map<String, String> env = new HashMap<>();
    final KafkaSettings settings;
    String out;
    String err;

    StackFixture(StackEndpoints stack) {
        this.stack = stack;
        env.put("NEWSFLOW_KAFKA_BOOTSTRAP", stack.kafkaBootstrap());
        env.put("NEWSFLOW_TOPIC_PREFIX", prefix);
        env.put("NEWSFLOW_TOPIC_PARTITIONS", "2");
        env.put("NEWSFLOW_ES_URL", stack.elasticsearchUrl());
        env.put("NEWSFLOW_INDEX_ALIAS", alias);
        env.put("NEWSFLOW_ENRICH_APP_ID", enrichGroup);
        env.put("NEWSFLOW_INDEX_GROUP_ID", indexGroup);
        env.put("NEWSFLOW_CLI_TIMEOUT", "10s");
        settings = KafkaSettings.fromEnv(new Env(env));
    }

    void createTopics() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            TopicInitializer.ensure(admin, settings, Duration.ofSeconds(30));
        }
    }

    /** A topic of the given partitions beside the pipeline's, as Kafka Streams creates its internal ones. */
    void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
    }

    /** Sends records and waits for Kafka's acknowledgement. */
    void send(List<ProducerRecord<byte[], byte[]>> records) throws ExecutionException, InterruptedException {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (var record : records) {
                producer.send(record).get();
            }
        }
    }

    /** Sends records in one committed transaction, as enrich-service writes the enriched topic. */
    void sendInTransaction(List<ProducerRecord<byte[], byte[]>> records) {
        try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-" + UUID.randomUUID(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            records.forEach(producer::send);
            producer.commitTransaction();
        }
    }

    static ProducerRecord<byte[], byte[]> record(String topic, int partition, String key, String value, Headers headers) {
        return new ProducerRecord<>(topic, partition, utf8(key), utf8(value), headers);
    }

    /** Commits offsets for a group as if its service had processed up to them. */
    void commit(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        offsets.forEach((tp, offset) -> commits.put(tp, new OffsetAndMetadata(offset)));
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrap(), "group.id", group,
                "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"))) {
            consumer.commitSync(commits);
        }
    }

    /** Everything in a topic, read the way the commands read it. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        CliConfig config = CliConfig.fromEnv(new Env(env));
        try (var consumer = new KafkaConsumer<byte[], byte[]>(KafkaClients.reader(config))) {
            return new ArrayList<>(new TopicReader(consumer, Duration.ofSeconds(10)).readAll(topic));
        }
    }

    /** The versioned index behind the alias, with the two fields status reads mapped as index-service maps them. */
    void createIndex() throws IOException, InterruptedException {
        es("PUT", "/" + alias + "-v1", """
                {"settings":{"number_of_replicas":0},
                 "mappings":{"properties":{"source":{"type":"keyword"},"ingested_at":{"type":"date"}}},
                 "aliases":{"%s":{"is_write_index":true}}}""".formatted(alias));
    }

    void index(String id, String source, String ingestedAt) throws IOException, InterruptedException {
        es("PUT", "/" + alias + "/_doc/" + id + "?refresh=true",
                Json.mapper().createObjectNode().put("id", id).put("source", source).put("ingested_at", ingestedAt).toString());
    }

    int status(Clock clock, String... args) {
        return run(new StatusCommand(env, clock), args);
    }

    int dlq(Clock clock, String... args) {
        return run(new DlqCommand(env, clock), args);
    }

    private int run(Object command, String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int code = CommandLines.create(command, new PrintWriter(outText, true), new PrintWriter(errText, true)).execute(args);
        out = outText.toString();
        err = errText.toString();
        return code;
    }

    private void es(String method, String path, String json) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
