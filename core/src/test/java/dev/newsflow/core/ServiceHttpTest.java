package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<String> kafkaProblem = new AtomicReference<>();
    private Javalin app;

    @BeforeEach
    void start() {
        app = ServiceHttp.create(Metrics.registry("test"), Map.of("kafka", () -> Optional.ofNullable(kafkaProblem.get())),
                routes -> routes.get("/v1/things/{id}", ctx -> {
                    throw ProblemException.notFound("no thing " + ctx.pathParam("id"));
                }));
        app.start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        HttpResponse<String> response = get("/no/such/path");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
        assertThat(response.body()).contains("\"status\":404").contains("/no/such/path");
    }

    @Test
    void aHandlersProblemIsWrittenAsProblemJson() throws Exception {
        HttpResponse<String> response = get("/v1/things/42");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
        assertThat(Json.mapper().readTree(response.body()).path("detail").asText()).isEqualTo("no thing 42");
    }

    @Test
    void readinessNamesTheFailingDependency() throws Exception {
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        kafkaProblem.set("no broker answered within 2s");
        HttpResponse<String> down = get("/health/ready");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(Json.mapper().readTree(down.body()).path("checks").path("kafka").asText())
                .isEqualTo("no broker answered within 2s");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCountRequestsByRouteNotByRawPath() throws Exception {
        get("/v1/things/1");
        get("/v1/things/2");
        get("/no/such/path");
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("route=\"/v1/things/{id}\"").contains("route=\"unmatched\"")
                .doesNotContain("route=\"/v1/things/1\"").contains("jvm_memory_used_bytes");
    }

    @Test
    void stoppingRefusesNewConnectionsButLetsARequestInProgressFinish() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Javalin slow = ServiceHttp.create(Metrics.registry("test"), Map.of(), routes -> routes.post("/v1/slow", ctx -> {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            ctx.status(202).result("accepted");
        }));
        slow.start(0);
        URI base = URI.create("http://127.0.0.1:" + slow.port());
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                HttpRequest.newBuilder(base.resolve("/v1/slow")).POST(HttpRequest.BodyPublishers.ofString("story")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(slow::stop);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThatThrownBy(() ->
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/health/live")).build(),
                        HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class));
        assertThat(stopping).isNotDone();

        release.countDown();
        HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("accepted");
        stopping.get(ServiceHttp.STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
