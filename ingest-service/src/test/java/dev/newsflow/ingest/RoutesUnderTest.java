package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import dev.newsflow.core.Metrics;
import dev.newsflow.core.RawArticle;
import dev.newsflow.core.ServiceHttp;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The ingest routes on a free port with a {@link MockProducer} in place of Kafka, for the unit tests
 * that go through real HTTP; keys: source "reuters" with {@link #KEY}, source "ap" with "ap-key".
 */
final class RoutesUnderTest implements AutoCloseable {

    static final String KEY = "reuters-key";

    private final MockProducer<String, RawArticle> producer;
    private final PrometheusMeterRegistry registry = Metrics.registry("ingest-test");
    private final Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param autoAcknowledge false leaves every send pending until the test completes or fails it
     */
    RoutesUnderTest(boolean autoAcknowledge, Duration kafkaTimeout, long maxBytes, InflightLimit inflight,
                    KafkaBacklog backlog, InstantSource clock) {
        this(autoAcknowledge, kafkaTimeout, maxBytes, inflight, backlog, BodyPace.DEFAULT, clock);
    }

    RoutesUnderTest(boolean autoAcknowledge, Duration kafkaTimeout, long maxBytes, InflightLimit inflight,
                    KafkaBacklog backlog, BodyPace pace, InstantSource clock) {
        producer = new MockProducer<>(autoAcknowledge, null, new StringSerializer(), (topic, value) -> new byte[0]);
        ApiKeys keys = new ApiKeys(List.of(new ApiKey("reuters", KEY), new ApiKey("ap", "ap-key")));
        inflight.bindTo(registry);
        backlog.bindTo(registry);
        IngestRoutes routes = new IngestRoutes(keys, ArticleParsers.standard(),
                new ArticlePublisher(producer, "raw", kafkaTimeout, backlog),
                new IngestMetrics(registry, clock, keys.sources()), maxBytes, inflight, pace, clock);
        app = ServiceHttp.create(registry, Map.of(), routes::addTo);
        app.start(0);
    }

    /** Bounds too generous to matter, for tests about something else. */
    static InflightLimit roomyLimit() {
        return new InflightLimit(Long.MAX_VALUE / 2, IngestConfig.MAX_INFLIGHT_REQUESTS_LIMIT);
    }

    static KafkaBacklog roomyBacklog() {
        return new KafkaBacklog(Long.MAX_VALUE / 2);
    }

    MockProducer<String, RawArticle> producer() {
        return producer;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    /** A POST to /v1/articles; a null content type or key leaves that header out. */
    HttpRequest.Builder request(String contentType, BodyPublisher body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/articles")).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }

    HttpResponse<String> post(String contentType, BodyPublisher body, String key) throws IOException, InterruptedException {
        return http.send(request(contentType, body, key).build(), BodyHandlers.ofString());
    }

    String scrape() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/metrics")).build(), BodyHandlers.ofString()).body();
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(status);
    }

    @Override
    public void close() {
        app.stop();
    }
}
