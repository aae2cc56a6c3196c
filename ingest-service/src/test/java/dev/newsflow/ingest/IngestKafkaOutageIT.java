package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.core.Env;
import dev.newsflow.stack.LocalStack;
import dev.newsflow.stack.LocalStackExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the broker down, ingest answers 503 with Retry-After (never 202), and recovers when it is back. */
@ExtendWith(LocalStackExtension.class)
class IngestKafkaOutageIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/articles"))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer outage-key")
                .POST(HttpRequest.BodyPublishers.ofString("Story " + UUID.randomUUID()))
                .build(), BodyHandlers.ofString());
    }

    @Test
    void answers503WhileKafkaIsDownAnd202OnceItIsBack(LocalStack stack) throws Exception {
        IngestConfig config = IngestConfig.fromEnv(new Env(Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP", stack.endpoints().kafkaBootstrap(),
                "NEWSFLOW_TOPIC_PREFIX", "it-" + UUID.randomUUID() + ".",
                "NEWSFLOW_TOPIC_PARTITIONS", "1",
                "NEWSFLOW_INGEST_PORT", "0",
                "NEWSFLOW_INGEST_KAFKA_TIMEOUT", "2s",
                "NEWSFLOW_INGEST_KEYS", "wire:outage-key")));
        try (IngestServer server = IngestServer.start(config)) {
            assertThat(post(server.port()).statusCode()).isEqualTo(202);

            stack.killKafka();
            try {
                HttpResponse<String> down = post(server.port());
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(get(server.port(), "/health/ready").statusCode()).isEqualTo(503);
            } finally {
                stack.startKafka();
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(
                    () -> assertThat(post(server.port()).statusCode()).isEqualTo(202));
            assertThat(get(server.port(), "/health/ready").statusCode()).isEqualTo(200);
        }
    }
}
