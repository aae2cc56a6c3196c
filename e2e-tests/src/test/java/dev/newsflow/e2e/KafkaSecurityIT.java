package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Env;
import dev.newsflow.core.Json;
import dev.newsflow.core.KafkaSecurity;
import dev.newsflow.core.Topics;
import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.Ports;
import dev.newsflow.stack.ScramUsers;
import dev.newsflow.stack.SecuredKafka;
import dev.newsflow.stack.StackEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against a broker that takes only SCRAM-SHA-512 logins and authorizes with ACLs: each
 * service logs in as its own user with only its own grants, a story still goes from ingest to search,
 * and a wrong password, no credentials, or a step outside a user's grants are refused.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSecurityIT {

    private static final String SOURCE = "secured";
    private static final String INGEST = "newsflow-ingest";
    private static final String ENRICH = "newsflow-enrich";
    private static final String INDEX = "newsflow-index";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String prefix = "secured-" + run + ".";
    private final Topics topics = Topics.withPrefix(prefix);
    private final String enrichAppId = "secured-enrich-" + run;
    private final String indexGroup = "secured-index-" + run;
    private SecuredKafka kafka;
    private Pipeline pipeline;

    @BeforeAll
    void start(StackEndpoints stack, @TempDir Path home) throws Exception {
        kafka = SecuredKafka.start(home.resolve("secured-kafka"), new ScramUsers("newsflow-admin", secret(),
                Map.of(INGEST, secret(), ENRICH, secret(), INDEX, secret())));
        StackEndpoints secured = new StackEndpoints(kafka.bootstrap(), stack.elasticsearchUrl());
        // The grants first, under the names the pipeline is told to use; its services create the topics.
        try (Admin admin = Admin.create(login("newsflow-admin"))) {
            admin.createAcls(PipelineAcls.of(topics, INGEST, ENRICH, enrichAppId, INDEX, indexGroup))
                    .all().get(30, TimeUnit.SECONDS);
        }
        pipeline = Pipeline.start(secured, home, List.of(SOURCE), Map.of(
                        "NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                        "NEWSFLOW_TOPIC_PREFIX", prefix,
                        "NEWSFLOW_ENRICH_APP_ID", enrichAppId,
                        "NEWSFLOW_INDEX_GROUP_ID", indexGroup),
                Map.of("ingest-service", credentials(INGEST, "NEWSFLOW_INGEST_MANAGEMENT_PORT"),
                        "enrich-service", credentials(ENRICH, "NEWSFLOW_ENRICH_MANAGEMENT_PORT"),
                        "index-service", credentials(INDEX, "NEWSFLOW_INDEX_MANAGEMENT_PORT")));
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aStoryGoesFromIngestToSearchWithAUserPerService() throws Exception {
        String guid = "secured-" + UUID.randomUUID();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(pipeline.ingest().uri("/v1/articles"))
                .header("Authorization", "Bearer " + pipeline.key(SOURCE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode()
                        .put("guid", guid).put("title", "Harbour council approves new ferry timetable")
                        .put("body", "The harbour council approved a new ferry timetable on Tuesday.").toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Json.mapper().readTree(accepted.body()).path("id").asText();

        JsonNode article = await("the story is indexed").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> article(id), a -> a != null);
        assertThat(article.path("guid").asText()).isEqualTo(guid);
        assertThat(article.path("enriched_at").asText()).isNotBlank();
    }

    @Test
    void aWrongPasswordIsRefusedWithAnAuthenticationError() {
        Map<String, String> env = new HashMap<>(credentials(INGEST, "UNUSED"));
        env.put("NEWSFLOW_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("NEWSFLOW_KAFKA_BOOTSTRAP", kafka.bootstrap());
        env.put("NEWSFLOW_KAFKA_PASSWORD", "not-the-password");
        env.put("NEWSFLOW_INGEST_KEYS", "a:b");
        try (Admin admin = Admin.create(IngestConfig.fromEnv(new Env(env)).adminProperties())) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(SaslAuthenticationException.class)
                    .hasMessageContaining("invalid credentials");
        }
    }

    @Test
    void aClientWithoutCredentialsGetsNoAnswer() {
        Map<String, Object> plaintext = Map.of("bootstrap.servers", kafka.bootstrap(),
                "default.api.timeout.ms", 3000, "request.timeout.ms", 2000);
        try (Admin admin = Admin.create(plaintext)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void aServiceUserMayNotStepOutsideItsGrants() {
        // ingest writes the raw topic only: writing the enriched topic (the search's source of truth) is denied.
        Map<String, Object> producer = new HashMap<>(login(INGEST));
        producer.put("max.block.ms", 10_000);
        try (var writer = new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() -> writer.send(new ProducerRecord<>(topics.enriched().name(),
                    "forged".getBytes(), "{}".getBytes())).get(30, TimeUnit.SECONDS))
                    .cause().isInstanceOf(TopicAuthorizationException.class);
        }
        // index reads the enriched topic only: the raw topic is denied.
        Map<String, Object> consumer = new HashMap<>(login(INDEX));
        consumer.put("group.id", indexGroup);
        try (var reader = new KafkaConsumer<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reader.subscribe(List.of(topics.raw().name()));
            assertThatThrownBy(() -> reader.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    private JsonNode article(String id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(pipeline.index().uri("/v1/articles/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
    }

    private Map<String, String> credentials(String user, String managementPortVariable) {
        KafkaSecurity login = kafka.users().login(user);
        return Map.of("NEWSFLOW_KAFKA_USERNAME", login.username(), "NEWSFLOW_KAFKA_PASSWORD", login.password(),
                managementPortVariable, Integer.toString(Ports.free()));
    }

    private Map<String, Object> login(String user) {
        Map<String, Object> props = new HashMap<>(kafka.users().login(user).properties());
        props.put("bootstrap.servers", kafka.bootstrap());
        return props;
    }

    private static String secret() {
        return UUID.randomUUID().toString();
    }
}
