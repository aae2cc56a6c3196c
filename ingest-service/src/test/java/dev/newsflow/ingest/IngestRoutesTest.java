package dev.newsflow.ingest;

import static dev.newsflow.ingest.RoutesUnderTest.assertProblem;
import static dev.newsflow.ingest.RoutesUnderTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.Json;
import dev.newsflow.core.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestRoutesTest {

    private static final String KEY = RoutesUnderTest.KEY;
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00.123456Z");
    private static final long MAX_BYTES = 2048;

    private RoutesUnderTest routes;
    private MockProducer<String, RawArticle> producer;

    /** Starts the routes on a free port; the producer acknowledges at once unless told otherwise. */
    private void start(boolean autoAcknowledge, Duration kafkaTimeout) {
        routes = new RoutesUnderTest(autoAcknowledge, kafkaTimeout, MAX_BYTES, RoutesUnderTest.roomyLimit(),
                RoutesUnderTest.roomyBacklog(), () -> NOW);
        producer = routes.producer();
    }

    private void start() {
        start(true, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (routes != null) {
            routes.close();
        }
    }

    private HttpResponse<String> post(String contentType, BodyPublisher body, String key) throws IOException, InterruptedException {
        return routes.post(contentType, body, key);
    }

    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return post(contentType, BodyPublishers.ofString(body), KEY);
    }

    @Test
    void acceptsANativeArticleOnceKafkaAcknowledgedIt() throws Exception {
        start();

        HttpResponse<String> response = post("application/json",
                "{\"guid\":\"urn:r:1\",\"version\":4,\"title\":\"T\",\"body\":\"Text\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = ArticleId.of("reuters", "urn:r:1");
        assertThat(json(response)).isEqualTo(Json.mapper().readTree("{\"id\":\"" + id + "\",\"version\":4}"));
        ProducerRecord<String, RawArticle> record = producer.history().getFirst();
        assertThat(record.key()).isEqualTo(id);
        assertThat(record.timestamp()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123Z").toEpochMilli());
        assertThat(record.value().source()).isEqualTo("reuters");
        assertThat(record.value().version()).isEqualTo(4);
        assertThat(record.value().ingestedAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123Z"));
    }

    @Test
    void theSameArticleTwiceHasTheSameId() throws Exception {
        start();
        String article = "{\"url\":\"https://e.com/1\",\"body\":\"Text\"}";

        String first = json(post("application/json; charset=UTF-8", article)).path("id").asText();
        String second = json(post("application/json", article)).path("id").asText();

        assertThat(first).isEqualTo(second).isEqualTo(ArticleId.of("reuters", "https://e.com/1"));
    }

    @Test
    void acceptsPlainText() throws Exception {
        start();

        HttpResponse<String> response = post("text/plain; charset=utf-8", "Headline\n\nThe story.");

        assertThat(response.statusCode()).isEqualTo(202);
        RawArticle article = producer.history().getFirst().value();
        assertThat(article.body()).isEqualTo("Headline\n\nThe story.");
        assertThat(article.title()).isNull();
        assertThat(article.contentType()).isEqualTo("text/plain");
        assertThat(article.version()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123Z").toEpochMilli());
        assertThat(json(response).path("id").asText()).isEqualTo(article.id());
    }

    @Test
    void refusesMissingAndWrongKeysWith401() throws Exception {
        start();

        for (String key : new String[] {null, "wrong"}) {
            HttpResponse<String> response = post("application/json", BodyPublishers.ofString("{\"body\":\"x\"}"), key);
            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void refusesUnknownAndMissingContentTypesWith415ListingTheAcceptedOnes() throws Exception {
        start();

        HttpResponse<String> xml = post("application/pdf", "%PDF");
        HttpResponse<String> none = post(null, BodyPublishers.ofString("x"), KEY);

        assertProblem(xml, 415);
        assertThat(json(xml).path("accepted")).extracting(JsonNode::asText)
                .contains("application/json", "application/x-ndjson", "text/plain");
        assertProblem(none, 415);
    }

    @Test
    void refusesBodiesOverTheLimitWith413WhetherDeclaredOrStreamed() throws Exception {
        start();
        byte[] big = "x".repeat((int) MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> declared = post("text/plain", BodyPublishers.ofByteArray(big), KEY);
        HttpResponse<String> chunked = post("text/plain",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)), KEY);
        HttpResponse<String> atTheLimit = post("text/plain", BodyPublishers.ofByteArray(
                "x".repeat((int) MAX_BYTES).getBytes(StandardCharsets.UTF_8)), KEY);

        assertProblem(declared, 413);
        assertProblem(chunked, 413);
        assertThat(atTheLimit.statusCode()).isEqualTo(202);
    }

    @Test
    void refusesEmptyAndNonUtf8BodiesWith400() throws Exception {
        start();

        assertProblem(post("application/json", ""), 400);
        HttpResponse<String> latin = post("text/plain", BodyPublishers.ofByteArray(new byte[] {'c', 'a', 'f', (byte) 0xE9}), KEY);
        assertProblem(latin, 400);
        assertThat(json(latin).path("detail").asText()).contains("not valid UTF-8");
    }

    @Test
    void namesTheInvalidFieldIn400() throws Exception {
        start();

        HttpResponse<String> response = post("application/json", "{\"body\":\"x\",\"urgency\":12}");

        assertProblem(response, 400);
        assertThat(json(response).path("field").asText()).isEqualTo("urgency");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void refusesAnArticleClaimingAnotherSourceWith403() throws Exception {
        start();

        HttpResponse<String> response = post("application/json", "{\"source\":\"ap\",\"body\":\"x\"}");

        assertProblem(response, 403);
        assertThat(json(response).path("field").asText()).isEqualTo("source");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void answers503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
        start(false, Duration.ofMillis(200));

        HttpResponse<String> response = post("application/json", "{\"body\":\"x\"}");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void acceptsTheGoodLinesOfABatchAndReportsEachBadOne() throws Exception {
        start();

        HttpResponse<String> response = post("application/x-ndjson", """
                {"guid":"a","body":"one"}
                {"body":"two","urgency":0}

                {"guid":"c","body":"three","source":"ap"}
                {"guid":"d","body":"four","version":2}
                """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode items = json(response).path("items");
        assertThat(items).hasSize(4);
        assertThat(items.get(0).path("id").asText()).isEqualTo(ArticleId.of("reuters", "a"));
        assertThat(items.get(1).path("index").asInt()).isEqualTo(1);
        assertThat(items.get(1).path("status").asInt()).isEqualTo(400);
        assertThat(items.get(1).path("detail").asText()).contains("line 2").contains("urgency");
        assertThat(items.get(2).path("status").asInt()).isEqualTo(403);
        assertThat(items.get(3).path("version").asLong()).isEqualTo(2);
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsExactly(ArticleId.of("reuters", "a"), ArticleId.of("reuters", "d"));
    }

    @Test
    void aBatchIsAnswered503WhenAnyRecordIsNotAcknowledged() throws Exception {
        start(false, Duration.ofMillis(200));

        HttpResponse<String> response = post("application/x-ndjson", "{\"body\":\"one\"}\n{\"body\":\"two\"}\n");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void acceptsANinjsItemAsOneArticle() throws Exception {
        start();

        HttpResponse<String> response = post("application/vnd.iptc.ninjs+json",
                "{\"uri\":\"urn:r:ninjs\",\"version\":\"2\",\"headline\":\"H\",\"body_text\":\"T\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).path("id").asText()).isEqualTo(ArticleId.of("reuters", "urn:r:ninjs"));
        assertThat(json(response).path("version").asLong()).isEqualTo(2);
        assertThat(producer.history().getFirst().value().contentType()).isEqualTo("application/vnd.iptc.ninjs+json");
    }

    @Test
    void answersANewsMessageLikeABatchNamingTheBadItemsElement() throws Exception {
        start();
        String item = "<newsItem guid=\"%s\"><contentMeta>%s</contentMeta><contentSet>"
                + "<inlineData contenttype=\"text/plain\">Text</inlineData></contentSet></newsItem>";

        HttpResponse<String> response = post("application/xml",
                "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>"
                        + item.formatted("g1", "") + item.formatted("g2", "<urgency>0</urgency>")
                        + "</itemSet></newsMessage>");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode items = json(response).path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("id").asText()).isEqualTo(ArticleId.of("reuters", "g1"));
        assertThat(items.get(1).path("status").asInt()).isEqualTo(400);
        assertThat(items.get(1).path("element").asText()).isEqualTo("newsMessage/itemSet/newsItem[2]/contentMeta/urgency");
        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly(ArticleId.of("reuters", "g1"));
    }

    @Test
    void refusesAnXxeAttemptWith400AndWritesNothing() throws Exception {
        start();

        HttpResponse<String> response = post("application/rss+xml",
                "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel>"
                        + "<item><description>&x;</description></item></channel></rss>");

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asText()).contains("DOCTYPE").doesNotContain("root:");
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void countsAcceptedAndRejectedArticlesInTheMetrics() throws Exception {
        start();
        post("application/json", "{\"body\":\"x\"}");
        post("application/json", "{\"urgency\":3}");
        post("application/json", BodyPublishers.ofString("{\"body\":\"x\"}"), "wrong");

        String scrape = routes.scrape();

        assertThat(scrape)
                .containsPattern("newsflow_ingest_articles_accepted_total\\{[^}]*source=\"reuters\"[^}]*} 1\\.0")
                .containsPattern("newsflow_ingest_articles_rejected_total\\{[^}]*reason=\"invalid\"[^}]*source=\"reuters\"[^}]*} 1\\.0")
                .containsPattern("newsflow_ingest_articles_rejected_total\\{[^}]*reason=\"unauthorized\"[^}]*source=\"unknown\"[^}]*} 1\\.0")
                .containsPattern("newsflow_ingest_source_last_article_age_seconds\\{[^}]*source=\"reuters\"[^}]*} 0\\.0");
    }
}
