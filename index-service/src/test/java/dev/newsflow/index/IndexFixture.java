package dev.newsflow.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Env;
import dev.newsflow.core.Json;
import dev.newsflow.core.PubStatus;
import dev.newsflow.stack.StackEndpoints;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One index service wired against the real servers, with its own topic prefix, alias and
 * consumer group, so each test sees only its own data.
 */
final class IndexFixture implements AutoCloseable {

    /** The source of every {@link #article}. */
    static final String SOURCE = "it-wire";

    final IndexConfig config;
    final ElasticsearchClient es;
    final Admin admin;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Producer<byte[], byte[]> producer;
    private final IndexService service;
    private final HttpClient client = HttpClient.newHttpClient();

    IndexFixture(StackEndpoints stack) throws IOException {
        this(stack, Map.of());
    }

    IndexFixture(StackEndpoints stack, Map<String, String> overrides) throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new HashMap<>(Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP", stack.kafkaBootstrap(),
                "NEWSFLOW_ES_URL", stack.elasticsearchUrl(),
                "NEWSFLOW_TOPIC_PREFIX", "it-" + run + ".",
                "NEWSFLOW_TOPIC_PARTITIONS", "3",
                "NEWSFLOW_INDEX_ALIAS", "it-" + run,
                "NEWSFLOW_INDEX_GROUP_ID", "it-index-" + run,
                "NEWSFLOW_INDEX_PORT", "0",
                "NEWSFLOW_INDEX_BULK_FLUSH_INTERVAL", "200ms",
                "NEWSFLOW_INDEX_RETRY_INITIAL", "100ms",
                "NEWSFLOW_INDEX_RETRY_MAX", "1s"));
        env.putAll(overrides);
        config = IndexConfig.fromEnv(new Env(env));
        admin = Admin.create(IndexKafka.admin(config));
        es = ElasticsearchClients.create(config.elasticsearch(), config.credentials(), config.trust());
        try {
            service = IndexService.start(config, registry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the index service started", e);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    static EnrichedArticle article(String guid, long version, String title, String body) {
        Instant ingested = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return EnrichedArticle.builder()
                .id(ArticleId.of(SOURCE, guid)).source(SOURCE).guid(guid).version(version)
                .url("https://example.org/" + guid).title(title).body(body).byline("By A. Reporter").language("en")
                .publishedAt(ingested.minusSeconds(60)).ingestedAt(ingested).enrichedAt(ingested.plusMillis(5))
                .people(List.of("Vladimir Putin")).organizations(List.of("NATO")).places(List.of("Kyiv"))
                .topics(List.of("politics")).keywords(List.of("summit"))
                .wordCount(body.split("\\s+").length).pubstatus(PubStatus.USABLE).urgency(3)
                .build();
    }

    /** The ids of a search's (or related call's) hits, in order. */
    static List<String> hitIds(JsonNode result) {
        return result.path("hits").findValuesAsText("id");
    }

    void send(EnrichedArticle article) {
        send(article.id(), config.kafka().topics().enriched().valueSerde().serializer()
                .serialize(config.kafka().topics().enriched().name(), article));
    }

    void sendTombstone(String id) {
        send(id, null);
    }

    void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(config.kafka().topics().enriched().name(),
                    key == null ? null : key.getBytes(java.nio.charset.StandardCharsets.UTF_8), value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("test record not sent", e.getCause());
        }
    }

    /** Where the service's HTTP API and search page answer, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl() {
        return "http://127.0.0.1:" + service.port();
    }

    HttpResponse<String> get(String pathAndQuery) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode getJson(String pathAndQuery) {
        try {
            return Json.mapper().readTree(get(pathAndQuery).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Committed offsets of the indexer's group, per partition of the enriched topic. */
    Map<TopicPartition, Long> committed() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(config.groupId())
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** End offsets of the enriched topic's partitions that hold records. */
    Map<TopicPartition, Long> ends() throws ExecutionException, InterruptedException {
        String topic = config.kafka().topics().enriched().name();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < config.kafka().partitions(); p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .filter(e -> e.getValue().offset() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    double counter(String name, String... tags) {
        var search = registry.find(name);
        if (tags.length > 0) {
            search = search.tags(tags);
        }
        var counter = search.counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() throws IOException {
        service.close();
        producer.close();
        try {
            // By name: wildcard deletes are refused by default (action.destructive_requires_name).
            for (String versioned : IndexManager.of(es, config).versionedIndices()) {
                es.indices().delete(d -> d.index(versioned));
            }
            es.indices().deleteIndexTemplate(d -> d.name(config.alias() + "-template"));
        } finally {
            es.close();
            admin.close();
        }
    }
}
