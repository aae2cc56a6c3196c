package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import dev.newsflow.stack.FleetService;
import dev.newsflow.stack.LocalCluster;
import dev.newsflow.stack.LocalClusterExtension;
import dev.newsflow.stack.ServiceJvm;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local cluster is a cluster: three brokers in Kafka's metadata, the pipeline's topics with three
 * replicas and min ISR 2, three Elasticsearch nodes in one green cluster with a replica of every shard,
 * and two instances of each service sharing the work, so a story sent to the second ingest instance is
 * found through the first index instance.
 */
@ExtendWith(LocalClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalClusterIT {

    private static final String SOURCE = "cluster-check";
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalCluster cluster;
    private Pipeline pipeline;

    @BeforeAll
    void startFleet(LocalCluster cluster, @TempDir Path home) {
        this.cluster = cluster;
        pipeline = Pipeline.onCluster(cluster, 1, home, List.of(SOURCE));
    }

    @AfterAll
    void stopFleet() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void kafkaHasThreeBrokersAndTheTopicsThreeReplicasWithTwoInSync() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.broker(2)))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).extracting(Node::id)
                    .containsExactlyInAnyOrder(1, 2, 3);
            String raw = pipeline.topics().raw().name();
            TopicDescription topic = admin.describeTopics(List.of(raw)).allTopicNames().get(30, TimeUnit.SECONDS).get(raw);
            assertThat(topic.partitions()).allSatisfy(partition -> {
                assertThat(partition.replicas()).hasSize(3);
                assertThat(partition.isr()).hasSize(3);
            });
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, raw);
            assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("2");
        }
    }

    @Test
    void elasticsearchIsOneGreenClusterOfThreeNodes() {
        await("the index's replicas allocated").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "green".equals(health(3).path("status").asText()));
        JsonNode health = health(3);
        assertThat(health.path("number_of_nodes").asInt()).isEqualTo(3);
        JsonNode settings = get(cluster.elasticsearchNode(2) + "/" + pipeline.concreteIndex() + "/_settings");
        assertThat(settings.path(pipeline.concreteIndex()).path("settings").path("index").path("number_of_replicas").asText())
                .isEqualTo("1");
    }

    @Test
    void aStorySentToTheSecondIngestIsFoundThroughTheFirstIndex() throws Exception {
        ServiceJvm ingest2 = pipeline.fleet().orElseThrow().instance(FleetService.INGEST, 2);
        ServiceJvm index1 = pipeline.fleet().orElseThrow().instance(FleetService.INDEX, 1);
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(ingest2.uri("/v1/articles"))
                .header("Authorization", "Bearer " + pipeline.key(SOURCE))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(OwnSample.SCRAPED_PAGE)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String id = Json.mapper().readTree(sent.body()).path("id").asText();

        URI search = index1.uri("/v1/search?q=" + URLEncoder.encode("Samarkand", StandardCharsets.UTF_8));
        await("the story searchable through index-1").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode hits = Json.mapper().readTree(http.send(HttpRequest.newBuilder(search).GET().build(),
                            HttpResponse.BodyHandlers.ofString()).body()).path("hits");
                    return hits.findValuesAsText("id").contains(id);
                });
    }

    @Test
    void theTwoIndexInstancesShareOneConsumerGroupUnderTheirOwnNames() throws Exception {
        assertThat(pipeline.services()).hasSize(6).allMatch(ServiceJvm::ready);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.endpoints().kafkaBootstrap()))) {
            await("both index instances in the group").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> admin.describeConsumerGroups(List.of(pipeline.indexGroupId())).all().get(30, TimeUnit.SECONDS)
                            .get(pipeline.indexGroupId()).members().size() == 2);
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(pipeline.indexGroupId())).all()
                    .get(30, TimeUnit.SECONDS).get(pipeline.indexGroupId());
            assertThat(group.members()).extracting(member -> member.groupInstanceId().orElse("(none)"))
                    .containsExactlyInAnyOrder("index-1", "index-2");
            assertThat(group.members()).allSatisfy(member -> assertThat(member.assignment().topicPartitions()).isNotEmpty());
        }
    }

    private JsonNode health(int node) {
        return get(cluster.elasticsearchNode(node) + "/_cluster/health");
    }

    private JsonNode get(String url) {
        try {
            return Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
