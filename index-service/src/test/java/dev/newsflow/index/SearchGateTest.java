package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.Env;
import dev.newsflow.core.EsCredentials;
import dev.newsflow.core.EsTrust;
import dev.newsflow.core.ServiceHttp;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchGateTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void letsTheConfiguredNumberInAndCountsTheRest() {
        SearchGate gate = new SearchGate(2, registry);

        assertThat(gate.tryEnter()).isTrue();
        assertThat(gate.tryEnter()).isTrue();
        assertThat(gate.tryEnter()).isFalse();
        gate.leave();
        assertThat(gate.tryEnter()).isTrue();
        assertThat(registry.get("newsflow_search_rejected").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aSearchBeyondTheLimitIs503WithRetryAfterBeforeElasticsearchIsAsked() throws Exception {
        SearchLimits limits = SearchLimits.fromEnv(new Env(Map.of("NEWSFLOW_SEARCH_MAX_CONCURRENT", "1")));
        // Nothing listens on port 1: were the request let through, it would fail as 503 without Retry-After.
        var es = ElasticsearchClients.forSearch(dev.newsflow.core.ElasticsearchUrls.of(URI.create("http://127.0.0.1:1")),
                EsCredentials.fromEnv(new Env(Map.of())), EsTrust.JVM_DEFAULT, limits);
        SearchGate gate = new SearchGate(limits.maxConcurrent(), registry);
        Javalin http = ServiceHttp.create(registry, Map.of(),
                routes -> IndexRoutes.register(routes, new ArticleSearch(es, "news", limits, java.time.InstantSource.system()), gate)).start(0);
        try (es; HttpClient client = HttpClient.newHttpClient()) {
            assertThat(gate.tryEnter()).isTrue();

            HttpResponse<String> busy = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http.port() + "/v1/search?q=storm")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(busy.body()).contains("too many searches");
        } finally {
            http.stop();
        }
    }
}
