package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.DeadLetters;
import dev.newsflow.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Fault scenario 7, poison pills: while a normal stream of valid articles flows, six kinds of poison
 * arrive — a raw record that is not JSON (written straight to the raw topic, as a broken upstream
 * would), an article Elasticsearch's mapping refuses although ingest accepted it, a 10 MiB request,
 * invalid UTF-8, an XXE attempt in NewsML-G2 and JSON nested 10,000 deep. Each gets its clear error
 * (the exact status and a problem naming the cause) or its dead letter with the stage and reason, and
 * the stream goes on: the delivery invariant holds for everything acknowledged, the accepted poison
 * counting as "in the dead letter topic with a reason", and no service needed a restart.
 */
class PoisonPillsIT extends PipelineFaultTest {

    private static final String SOURCE = "poison";
    private static final int CI_ARTICLES = 500;
    private static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Lucene refuses a single term longer than 32,766 bytes, and a keyword field is one term. */
    private static final int IMMENSE_TERM = 40_000;
    private static final int DEPTH = 10_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, HttpResponse<String>> refused = new LinkedHashMap<>();

    @Override
    List<String> sources() {
        return List.of(SOURCE);
    }

    @Test
    void eachPoisonGetsItsErrorOrDeadLetterAndTheStreamGoesOn() throws Exception {
        String notJsonKey = "e2e-not-json-" + UUID.randomUUID();
        Submission mappingBreaker = new Submission(ArticleId.of(SOURCE, "urn:e2e:poison:immense"),
                "urn:e2e:poison:immense", 1, false);
        FaultScenario.Result result = scenarios.run("poison pills: not JSON on raw, mapping breaker, 10 MiB,"
                + " bad UTF-8, XXE, 10,000-deep JSON", SOURCE, CI_ARTICLES, traffic -> {
                    writeRaw(notJsonKey, "{\"guid\": \"half an article, then the upstream broke".getBytes(StandardCharsets.UTF_8));
                    traffic.send(immenseSubject(mappingBreaker));
                    refused.put("10 MiB", post("application/json",
                            "{\"body\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"));
                    refused.put("invalid UTF-8", post("application/json", invalidUtf8()));
                    refused.put("XXE", post("application/vnd.iptc.g2.newsitem+xml", xxe()));
                    refused.put("deep JSON", post("application/json",
                            "{\"body\":\"x\",\"subjects\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}"));
                    return new FaultScenario.Effect(Duration.ZERO, "answers " + statuses()
                            + "; a not-JSON record on the raw topic and a mapping breaker answered 202 (dead letters checked below)");
                });
        report.add(result.row(0, ""));

        assertProblem("10 MiB", 413, "larger than");
        assertThat(body(refused.get("10 MiB")).path("max_bytes").asLong()).isEqualTo(MAX_BYTES);
        assertProblem("invalid UTF-8", 400, "not valid UTF-8");
        assertProblem("XXE", 400, "DOCTYPE");
        assertThat(refused.get("XXE").body()).doesNotContain("root:");
        assertProblem("deep JSON", 400, "nesting depth");

        assertThat(deadLetter(notJsonKey)).as("dead letter of the raw record that is not JSON").hasValueSatisfying(letter -> {
            assertThat(DeadLetters.stage(letter.headers())).isEqualTo("enrich");
            assertThat(DeadLetters.errorClass(letter.headers())).isNotBlank();
            assertThat(DeadLetters.errorMessage(letter.headers())).isNotBlank();
            assertThat(DeadLetters.originalTopic(letter.headers())).isEqualTo(pipeline.topics().raw().name());
            assertThat(letter.value()).asString(StandardCharsets.UTF_8).startsWith("{\"guid\": \"half an article");
        });
        assertThat(deadLetter(mappingBreaker.id())).as("dead letter of the article the mapping refuses").hasValueSatisfying(letter -> {
            assertThat(DeadLetters.stage(letter.headers())).isEqualTo("index");
            assertThat(DeadLetters.errorMessage(letter.headers()))
                    .contains("document_parsing_exception").contains("immense term").contains("[subjects]");
        });

        Verdict verdict = result.verdict();
        assertThat(result.ledger().refusals()).as("valid articles refused").isEmpty();
        assertThat(verdict.holds()).as(result.scenario() + ": " + verdict.describe()).isTrue();
        assertThat(verdict.deadLettered()).as("acknowledged, then dead-lettered").containsOnlyKeys(mappingBreaker.id());
        assertThat(result.caughtUp()).as("caught up").isPresent();
        assertThat(scenarios.unrecovered()).as("services that did not carry on by themselves").isEmpty();
        assertThat(stack.stoppedServers()).as("servers down").isEmpty();
    }

    /** A valid article whose subject is one keyword longer than Lucene takes: ingest and enrich accept it, Elasticsearch does not. */
    private static FeedRequest immenseSubject(Submission submission) throws IOException {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("guid", submission.guid());
        article.put("version", submission.version());
        article.put("title", "A story filed under one immense subject");
        article.put("body", "ROTTERDAM — The port authority approved the harbour plan after talks that lasted late into the night.");
        article.put("language", "en");
        article.put("subjects", List.of("s".repeat(IMMENSE_TERM)));
        return new FeedRequest(ArticleStream.JSON, Json.mapper().writeValueAsString(article), List.of(submission));
    }

    private static byte[] invalidUtf8() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"guid\":\"urn:e2e:poison:utf8\",\"body\":\"caf".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A newsItem whose body would hold the server's password file if external entities were resolved. */
    private static String xxe() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE newsItem [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:e2e:poison:xxe" version="1">
                  <contentMeta><headline>Leak</headline></contentMeta>
                  <contentSet><inlineXML contenttype="application/nitf+xml"><nitf><body><body.content>
                    <p>&secret;</p>
                  </body.content></body></nitf></inlineXML></contentSet>
                </newsItem>
                """;
    }

    private void writeRaw(String key, byte[] value) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.stack().kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(pipeline.topics().raw().name(), key.getBytes(StandardCharsets.UTF_8), value)).get();
        }
    }

    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return post(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String contentType, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(pipeline.ingest().uri("/v1/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + pipeline.key(SOURCE))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String statuses() {
        StringBuilder text = new StringBuilder();
        refused.forEach((what, response) -> text.append(text.isEmpty() ? "" : ", ").append(what).append(' ')
                .append(response.statusCode()));
        return text.toString();
    }

    private void assertProblem(String what, int status, String cause) {
        HttpResponse<String> response = refused.get(what);
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(what).contains(cause);
    }

    private static JsonNode body(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private Optional<ConsumerRecord<byte[], byte[]>> deadLetter(String key) {
        return TopicContents.read(pipeline.stack().kafkaBootstrap(), pipeline.topics().deadletter().name(),
                        IsolationLevel.READ_COMMITTED).stream()
                .filter(record -> record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8)))
                .findFirst();
    }
}
