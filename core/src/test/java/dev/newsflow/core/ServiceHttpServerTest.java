package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<String> kafkaProblem = new AtomicReference<>();
    private final AtomicReference<String> streamProblem = new AtomicReference<>();
    private ServiceHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void withAManagementPortThePublicPortHasNoMetricsAndNoReadinessDetails() throws Exception {
        server = start(Optional.of(new ManagementPort("127.0.0.1", 0)));
        int api = server.port();
        assertThat(get(api, "/metrics").statusCode()).isEqualTo(404);
        assertThat(get(api, "/v1/hello").body()).isEqualTo("hello");
        assertThat(get(api, "/health/live").statusCode()).isEqualTo(200);
        kafkaProblem.set("no broker answered within 2s");
        HttpResponse<String> down = get(api, "/health/ready");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
        kafkaProblem.set(null);
        assertThat(get(api, "/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void theManagementPortServesMetricsAndNamesTheFailingDependency() throws Exception {
        server = start(Optional.of(new ManagementPort("127.0.0.1", 0)));
        int management = server.managementPort().orElseThrow();
        assertThat(management).isNotEqualTo(server.port());
        get(server.port(), "/v1/hello");
        assertThat(get(management, "/metrics").body()).contains("route=\"/v1/hello\"").contains("jvm_memory_used_bytes");
        kafkaProblem.set("no broker answered within 2s");
        HttpResponse<String> down = get(management, "/health/ready");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(Json.mapper().readTree(down.body()).path("checks").path("kafka").asText())
                .isEqualTo("no broker answered within 2s");
        assertThat(Json.mapper().readTree(down.body()).path("settling").asBoolean())
                .as("a check that does not say it settles by itself needs an operator").isFalse();
        // The service's own routes stay off the management port.
        assertThat(get(management, "/v1/hello").statusCode()).isEqualTo(404);
    }

    @Test
    void aDownWhoseFailingChecksAllSettleByThemselvesSaysSo() throws Exception {
        server = start(Optional.empty());
        streamProblem.set("rebalancing");
        assertThat(Json.mapper().readTree(get(server.port(), "/health/ready").body()).path("settling").asBoolean()).isTrue();
        kafkaProblem.set("down");
        assertThat(Json.mapper().readTree(get(server.port(), "/health/ready").body()).path("settling").asBoolean())
                .as("one failing check needs an operator").isFalse();
    }

    @Test
    void withoutAManagementPortEverythingStaysOnOnePort() throws Exception {
        server = start(Optional.empty());
        assertThat(server.managementPort()).isEmpty();
        assertThat(get(server.port(), "/metrics").statusCode()).isEqualTo(200);
        kafkaProblem.set("down");
        assertThat(get(server.port(), "/health/ready").body()).contains("\"kafka\":\"down\"");
    }

    @Test
    void theManagementPortComesFromTheServicesVariable() {
        assertThat(ManagementPort.fromEnv(new Env(Map.of()), "NEWSFLOW_INGEST_MANAGEMENT_PORT")).isEmpty();
        assertThat(ManagementPort.fromEnv(new Env(Map.of("NEWSFLOW_INGEST_MANAGEMENT_PORT", "9181")),
                "NEWSFLOW_INGEST_MANAGEMENT_PORT")).contains(new ManagementPort("127.0.0.1", 9181));
        assertThat(ManagementPort.fromEnv(new Env(Map.of("NEWSFLOW_INGEST_MANAGEMENT_PORT", "9181",
                "NEWSFLOW_MANAGEMENT_HOST", "0.0.0.0")), "NEWSFLOW_INGEST_MANAGEMENT_PORT"))
                .contains(new ManagementPort("0.0.0.0", 9181));
        assertThatThrownBy(() -> ManagementPort.fromEnv(new Env(Map.of("NEWSFLOW_MANAGEMENT_HOST", "0.0.0.0")),
                "NEWSFLOW_INDEX_MANAGEMENT_PORT"))
                .hasMessage("NEWSFLOW_MANAGEMENT_HOST is set but NEWSFLOW_INDEX_MANAGEMENT_PORT is not; set the port too");
        assertThatThrownBy(() -> ManagementPort.fromEnv(new Env(Map.of("NEWSFLOW_INDEX_MANAGEMENT_PORT", "99999")),
                "NEWSFLOW_INDEX_MANAGEMENT_PORT")).hasMessageContaining("NEWSFLOW_INDEX_MANAGEMENT_PORT must be a port");
    }

    private ServiceHttpServer start(Optional<ManagementPort> management) {
        HealthCheck stream = new HealthCheck() {
            @Override
            public Optional<String> problem() {
                return Optional.ofNullable(streamProblem.get());
            }

            @Override
            public boolean settling() {
                return true;
            }
        };
        return ServiceHttpServer.create(Metrics.registry("test"), Map.of("kafka", () -> Optional.ofNullable(kafkaProblem.get()),
                "stream", stream), routes -> routes.get("/v1/hello", ctx -> ctx.result("hello")), management).start(0);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
