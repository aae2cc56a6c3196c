package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ingest-service against a real Kafka broker: what it answers 202 for is on the raw topic. */
@ExtendWith(LocalStackExtension.class)
class IngestIT {

    private static final String KEY = "wire-key-" + UUID.randomUUID();

    private final StackEndpoints stack;
    private RunningIngest ingest;
    private IngestConfig config;

    IngestIT(StackEndpoints stack) {
        this.stack = stack;
    }

    @BeforeEach
    void startService() {
        ingest = new RunningIngest(stack, KEY);
        config = ingest.config();
    }

    @AfterEach
    void stopService() {
        if (ingest != null) {
            ingest.close();
        }
    }

    private HttpResponse<String> post(String contentType, String body, String key) throws IOException, InterruptedException {
        return ingest.post(contentType, body.getBytes(StandardCharsets.UTF_8), key);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    private List<ConsumerRecord<String, RawArticle>> awaitRawRecords(int expected) {
        return ingest.awaitRawRecords(expected);
    }

    @Test
    void nativeAndPlainTextArticlesAreOnTheRawTopicWhenAnswered202() throws Exception {
        HttpResponse<String> nativeAnswer = post("application/json",
                "{\"guid\":\"urn:wire:1\",\"version\":3,\"title\":\"Rates held\",\"body\":\"The bank held rates.\"}", KEY);
        HttpResponse<String> textAnswer = post("text/plain", "Storm nears coast\n\nThe storm is due tonight.", KEY);

        assertThat(nativeAnswer.statusCode()).as(nativeAnswer.body()).isEqualTo(202);
        assertThat(textAnswer.statusCode()).as(textAnswer.body()).isEqualTo(202);
        String nativeId = json(nativeAnswer).path("id").asText();
        String textId = json(textAnswer).path("id").asText();
        assertThat(nativeId).isEqualTo(ArticleId.of("wire", "urn:wire:1"));
        assertThat(json(nativeAnswer).path("version").asLong()).isEqualTo(3);

        List<ConsumerRecord<String, RawArticle>> records = awaitRawRecords(2);
        ConsumerRecord<String, RawArticle> nativeRecord = records.stream().filter(r -> r.key().equals(nativeId)).findFirst().orElseThrow();
        ConsumerRecord<String, RawArticle> textRecord = records.stream().filter(r -> r.key().equals(textId)).findFirst().orElseThrow();

        assertThat(nativeRecord.value().id()).isEqualTo(nativeId);
        assertThat(nativeRecord.value().source()).isEqualTo("wire");
        assertThat(nativeRecord.value().version()).isEqualTo(3);
        assertThat(nativeRecord.value().title()).isEqualTo("Rates held");
        assertThat(nativeRecord.value().ingestedAt()).isEqualTo(Instant.ofEpochMilli(nativeRecord.timestamp()));
        assertThat(nativeRecord.value().ingestedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());

        assertThat(textRecord.value().contentType()).isEqualTo("text/plain");
        assertThat(textRecord.value().body()).isEqualTo("Storm nears coast\n\nThe storm is due tonight.");
        assertThat(textRecord.value().source()).isEqualTo("wire");
        assertThat(textRecord.value().version()).isEqualTo(textRecord.timestamp());
    }

    @Test
    void theSameArticleSentTwiceKeepsItsId() throws Exception {
        String article = "{\"url\":\"https://wire.example/story/7\",\"body\":\"Same story.\"}";

        String first = json(post("application/json", article, KEY)).path("id").asText();
        String second = json(post("application/json", article, KEY)).path("id").asText();

        assertThat(first).isEqualTo(second).isEqualTo(ArticleId.of("wire", "https://wire.example/story/7"));
        assertThat(awaitRawRecords(2)).extracting(ConsumerRecord::key).containsOnly(first);
    }

    @Test
    void wrongKeysAndUnknownTypesAreRefusedAndNothingIsWritten() throws Exception {
        HttpResponse<String> wrongKey = post("application/json", "{\"body\":\"x\"}", "not-" + KEY);
        HttpResponse<String> pdf = post("application/pdf", "%PDF-1.7", KEY);
        HttpResponse<String> accepted = post("text/plain", "only this one", KEY);

        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(pdf.statusCode()).isEqualTo(415);
        assertThat(json(pdf).path("accepted").toString()).contains("application/json");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(awaitRawRecords(1)).extracting(r -> r.value().body()).containsExactly("only this one");
    }

    @Test
    void isReadyWhileKafkaAnswers() throws Exception {
        HttpResponse<String> ready = ingest.get("/health/ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(json(ready).path("checks").path("kafka").asText()).isEqualTo("UP");
    }
}
