package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.EsCredentials;
import dev.newsflow.core.EsTrust;
import dev.newsflow.stack.EsSecurity;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.SecuredElasticsearch;
import dev.newsflow.stack.StackEndpoints;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index service against a node with security and TLS on, as its own user with the role from
 * {@code ops/elasticsearch/newsflow-index-role.json} (the file Docker's {@code es-setup} applies):
 * everything the service does works over https with the setup's CA, and the role allows nothing
 * beyond the news indices. Kafka is the shared test broker.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredElasticsearchIT {

    private static final Path ROLE_FILE = Path.of("../ops/elasticsearch/newsflow-index-role.json");
    private static final String USER = "newsflow-index";

    private final String elasticPassword = UUID.randomUUID().toString();
    private final String userPassword = UUID.randomUUID().toString();
    private SecuredElasticsearch node;
    private IndexFixture index;

    @BeforeAll
    void start(StackEndpoints stack) throws Exception {
        node = SecuredElasticsearch.startForTests(new EsSecurity(elasticPassword,
                Map.of("newsflow_index", ROLE_FILE),
                List.of(new EsSecurity.User(USER, userPassword, List.of("newsflow_index")))));
        index = new IndexFixture(new StackEndpoints(stack.kafkaBootstrap(), node.url()), Map.of(
                "NEWSFLOW_ES_USERNAME", USER,
                "NEWSFLOW_ES_PASSWORD", userPassword,
                "NEWSFLOW_ES_CA_CERT", node.caCertificate().toString(),
                // The role covers news and news-*, as the production alias and its versioned indices.
                "NEWSFLOW_INDEX_ALIAS", "news"));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (index != null) {
                index.close();
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void theServiceIndexesAndSearchesOverHttpsAsItsOwnUser() {
        EnrichedArticle story = IndexFixture.article("tls-1", 1, "Harbour cranes stand still",
                "Dock workers stopped the harbour cranes at dawn over a pay dispute.");
        EnrichedArticle other = IndexFixture.article("tls-2", 1, "Cranes back at the harbour",
                "The harbour cranes moved again after the dock workers settled the pay dispute.");
        index.send(story);
        index.send(other);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(IndexFixture.hitIds(index.getJson("/v1/search?q=cranes")))
                        .containsExactlyInAnyOrder(story.id(), other.id()));
        assertThat(index.get("/v1/articles/" + story.id()).statusCode()).isEqualTo(200);
        // more_like_this, the related-stories query.
        JsonNode related = index.getJson("/v1/articles/" + story.id() + "/related");
        assertThat(IndexFixture.hitIds(related)).contains(other.id());
        assertThat(index.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void theRoleCoversAnAliasSwapToTheNextIndex() throws Exception {
        IndexManager indices = IndexManager.of(index.es, index.config);
        indices.create("news-v2");
        indices.moveAlias("news-v1", "news-v2");
        assertThat(indices.aliasedIndices()).containsExactly("news-v2");
        indices.moveAlias("news-v2", "news-v1");
        index.es.indices().delete(d -> d.index("news-v2"));
        assertThat(indices.versionedIndices()).containsExactly("news-v1");
    }

    @Test
    void theSameUserIsRefusedOutsideTheNewsIndicesAndOnClusterAdministration() throws Exception {
        String foreign = "billing-" + UUID.randomUUID().toString().substring(0, 8);
        try (ElasticsearchClient elastic = ElasticsearchClients.create(URI.create(node.url()),
                EsCredentials.basic("elastic", elasticPassword), EsTrust.caCertificate(node.caCertificate()))) {
            // The superuser makes the index, so a refusal below is the role's and not a missing index.
            elastic.indices().create(c -> c.index(foreign));
            elastic.index(i -> i.index(foreign).id("1").document(Map.of("amount", 12)).refresh(Refresh.True));

            ElasticsearchClient es = index.es;
            assertForbidden(() -> es.search(s -> s.index(foreign), JsonNode.class));
            assertForbidden(() -> es.get(g -> g.index(foreign).id("1"), JsonNode.class));
            assertForbidden(() -> es.index(i -> i.index(foreign).id("2").document(Map.of("amount", 1))));
            assertForbidden(() -> es.indices().delete(d -> d.index(foreign)));
            assertForbidden(() -> es.indices().create(c -> c.index("other-" + foreign)));
            // Cluster administration, and the cluster state that would list every index and mapping.
            assertForbidden(() -> es.cluster().putSettings(p -> p.persistent("cluster.routing.allocation.enable",
                    JsonData.of("all"))));
            assertForbidden(() -> es.cluster().state());
            assertForbidden(() -> es.security().putUser(u -> u.username("intruder").password("intruder-pw").roles("superuser")));
            // A search over every index sees only the news indices.
            assertThat(es.search(s -> s.index("*").size(100), JsonNode.class).hits().hits())
                    .allSatisfy(hit -> assertThat(hit.index()).startsWith("news-"));
            assertThat(elastic.count(c -> c.index(foreign)).count()).isEqualTo(1);
        }
    }

    @Test
    void aClientWithoutTheCaRefusesTheNode() throws IOException {
        try (ElasticsearchClient untrusting = ElasticsearchClients.create(URI.create(node.url()),
                EsCredentials.basic(USER, userPassword), EsTrust.JVM_DEFAULT)) {
            assertThatThrownBy(() -> untrusting.cluster().health(h -> h.waitForStatus(HealthStatus.Yellow)))
                    .satisfies(e -> assertThat(causes(e)).anySatisfy(cause -> assertThat(cause)
                            .isInstanceOf(SSLHandshakeException.class)
                            .hasMessageContaining("unable to find valid certification path")));
            // The service gives up at once, saying what to set, rather than waiting for a node that answers.
            assertThatThrownBy(() -> IndexManager.of(untrusting, index.config).awaitReachable(Duration.ofMinutes(5)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TLS certificate was refused")
                    .hasMessageContaining("NEWSFLOW_ES_CA_CERT");
        }
    }

    private static void assertForbidden(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ElasticsearchException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.error().type()).isEqualTo("security_exception");
                    assertThat(e.getMessage()).contains(USER);
                });
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
