package dev.newsflow.ingest;

import static dev.newsflow.ingest.RoutesUnderTest.assertProblem;
import static dev.newsflow.ingest.RoutesUnderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each refusal of admission control, one at a time: its status, Retry-After, problem and metric. */
class IngestAdmissionTest {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(20);

    private RoutesUnderTest routes;

    @AfterEach
    void stop() {
        if (routes != null) {
            // Frees a request still waiting when an assertion failed, so stopping the server does not wait for it.
            routes.producer().errorNext(new IllegalStateException("test over"));
            routes.close();
        }
    }

    /** A request left waiting for Kafka's acknowledgement, which this test's producer never gives unasked. */
    private CompletableFuture<HttpResponse<String>> waitingRequest() {
        CompletableFuture<HttpResponse<String>> waiting = HttpClient.newHttpClient().sendAsync(
                routes.request("text/plain", BodyPublishers.ofString("The first story."), RoutesUnderTest.KEY).build(),
                BodyHandlers.ofString());
        await().until(() -> routes.producer().history().size() == 1);
        return waiting;
    }

    @Test
    void whileTheOnlyPlaceInFlightIsTakenARequestIs429AtOnceWithRetryAfter() throws Exception {
        routes = new RoutesUnderTest(false, KAFKA_TIMEOUT, 1024 * 1024, new InflightLimit(1024 * 1024, 1),
                RoutesUnderTest.roomyBacklog(), InstantSource.system());
        CompletableFuture<HttpResponse<String>> first = waitingRequest();

        HttpResponse<String> second = routes.post("text/plain", BodyPublishers.ofString("The second."), RoutesUnderTest.KEY);

        assertProblem(second, 429);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(json(second).path("detail").asText()).contains("at most 1 requests");
        assertThat(first).isNotDone();
        assertThat(routes.scrape())
                .containsPattern("newsflow_ingest_articles_rejected_total\\{[^}]*reason=\"overloaded\"[^}]*} 1\\.0")
                .containsPattern("newsflow_ingest_inflight_requests\\{[^}]*} 1\\.0");
        routes.producer().completeNext();
        assertThat(first.get().statusCode()).isEqualTo(202);
    }

    @Test
    void whileKafkasBacklogIsFullARequestIs503AtOnceAndNothingIsSent() throws Exception {
        routes = new RoutesUnderTest(false, KAFKA_TIMEOUT, 1024 * 1024, RoutesUnderTest.roomyLimit(),
                new KafkaBacklog(600), InstantSource.system());
        CompletableFuture<HttpResponse<String>> first = waitingRequest();

        HttpResponse<String> second = routes.post("text/plain", BodyPublishers.ofString("The second."), RoutesUnderTest.KEY);

        assertProblem(second, 503);
        assertThat(second.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json(second).path("detail").asText()).contains("not keeping up");
        assertThat(routes.producer().history()).hasSize(1);
        assertThat(routes.scrape())
                .containsPattern("newsflow_ingest_articles_rejected_total\\{[^}]*reason=\"kafka_backlog\"[^}]*} 1\\.0")
                .containsPattern("newsflow_ingest_kafka_backlog_bytes\\{[^}]*} [1-9]");
        routes.producer().completeNext();
        assertThat(first.get().statusCode()).isEqualTo(202);
    }

    @Test
    void aChunkedBodyOutgrowingWhatIsFreeIs429() throws Exception {
        routes = new RoutesUnderTest(true, KAFKA_TIMEOUT, 1024 * 1024, new InflightLimit(100 * 1024, 10),
                RoutesUnderTest.roomyBacklog(), InstantSource.system());
        byte[] body = "x".repeat(200 * 1024).getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> chunked = routes.post("text/plain",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), RoutesUnderTest.KEY);
        HttpResponse<String> small = routes.post("text/plain", BodyPublishers.ofString("Small enough."), RoutesUnderTest.KEY);

        assertProblem(chunked, 429);
        assertThat(chunked.headers().firstValue("Retry-After")).isPresent();
        assertThat(small.statusCode()).as("the refused body's reservation was returned").isEqualTo(202);
    }
}
