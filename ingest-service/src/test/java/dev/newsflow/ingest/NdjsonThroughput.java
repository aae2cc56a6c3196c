package dev.newsflow.ingest;

import dev.newsflow.core.Env;
import dev.newsflow.stack.LocalStack;
import dev.newsflow.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the NDJSON batch endpoint from one client: starts ingest-service against Kafka, posts
 * {@code batches} batches of {@code size} articles of about 2 KB one after another, and logs articles/s.
 * A harness to run by hand, not a test: timings on a shared machine make poor assertions.
 *
 * <p>Kafka is {@code NEWSFLOW_KAFKA_BOOTSTRAP} when set; otherwise a local stack is started for the run.
 * Arguments: {@code [batches] [size]}, default 200 batches of 500.
 */
public final class NdjsonThroughput {

    private static final Logger log = LoggerFactory.getLogger(NdjsonThroughput.class);
    private static final String KEY = "throughput-key";
    private static final int WARM_UP_BATCHES = 20;

    private NdjsonThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String bootstrap = System.getenv("NEWSFLOW_KAFKA_BOOTSTRAP");
        if (bootstrap != null) {
            run(bootstrap, batches, size);
            return;
        }
        Path home = Files.createTempDirectory("newsflow-throughput");
        Path cache = Path.of(System.getProperty("user.home"), ".newsflow", "cache");
        try (LocalStack stack = LocalStack.start(StackSettings.forTests(home, cache))) {
            run(stack.endpoints().kafkaBootstrap(), batches, size);
        }
    }

    private static void run(String bootstrap, int batches, int size) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(Map.of(
                "NEWSFLOW_KAFKA_BOOTSTRAP", bootstrap,
                "NEWSFLOW_TOPIC_PREFIX", "throughput-" + UUID.randomUUID() + ".",
                "NEWSFLOW_INGEST_PORT", "0",
                "NEWSFLOW_INGEST_KEYS", "bench:" + KEY));
        try (IngestServer server = IngestServer.start(IngestConfig.fromEnv(new Env(env)))) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/articles");
            post(http, uri, WARM_UP_BATCHES, size);
            long start = System.nanoTime();
            long bytes = post(http, uri, batches, size);
            double seconds = (System.nanoTime() - start) / 1e9;
            log.info("NDJSON, one client: {} batches of {} articles ({} MB) in {} s = {} articles/s",
                    batches, size, String.format("%.1f", bytes / 1e6), String.format("%.1f", seconds),
                    Math.round(batches * (double) size / seconds));
        }
    }

    /** Posts the batches one after another; returns the bytes sent. */
    private static long post(HttpClient http, URI uri, int batches, int size) throws IOException, InterruptedException {
        long bytes = 0;
        String filler = "The council met on Tuesday to discuss the budget for the coming year. ".repeat(26);
        for (int b = 0; b < batches; b++) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < size; i++) {
                batch.append("{\"guid\":\"").append(UUID.randomUUID()).append("\",\"title\":\"Budget talks ")
                        .append(i).append("\",\"body\":\"").append(filler).append("\"}\n");
            }
            byte[] body = batch.toString().getBytes(StandardCharsets.UTF_8);
            bytes += body.length;
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/x-ndjson")
                    .header("Authorization", "Bearer " + KEY)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("batch " + b + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        return bytes;
    }
}
