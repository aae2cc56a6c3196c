package dev.newsflow.ingest;

import static dev.newsflow.ingest.RoutesUnderTest.assertProblem;
import static dev.newsflow.ingest.RoutesUnderTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests built to hurt (issue 8's poison pills) through the real HTTP server, each answered with its
 * exact status and a problem naming the cause, and the service taking the next request as usual.
 * An XXE attempt is in {@link IngestRoutesTest} and {@link SafeXmlTest}, an entity bomb in {@link SafeXmlTest}.
 * The batches of countless tiny items turned up while writing {@link ParserFuzzTest}, by a probe beyond
 * what its mutations then reached: a 5 MiB body of them took up to 74 s, gigabytes of heap and answered
 * 230 MiB before the item and tag limits.
 */
class PoisonRequestsTest {

    private static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final byte[] TEN_MIB = "x".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII);

    private RoutesUnderTest routes;

    @BeforeEach
    void start() {
        routes = new RoutesUnderTest(true, Duration.ofSeconds(5), MAX_BYTES, RoutesUnderTest.roomyLimit(),
                RoutesUnderTest.roomyBacklog(), InstantSource.system());
    }

    @AfterEach
    void stop() {
        routes.close();
    }

    private HttpResponse<String> post(String contentType, BodyPublisher body) throws Exception {
        return routes.post(contentType, body, RoutesUnderTest.KEY);
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return post(contentType, BodyPublishers.ofString(body));
    }

    private void theNextRequestIsAccepted() throws Exception {
        HttpResponse<String> next = post("text/plain", "The story after the poison.");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
    }

    @Test
    void aTenMebibyteBodyIs413WhetherDeclaredOrChunked() throws Exception {
        HttpResponse<String> declared = post("application/json", BodyPublishers.ofByteArray(TEN_MIB));
        HttpResponse<String> chunked = post("application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(TEN_MIB)));

        for (HttpResponse<String> response : new HttpResponse[] {declared, chunked}) {
            assertProblem(response, 413);
            assertThat(json(response).path("max_bytes").asLong()).isEqualTo(MAX_BYTES);
        }
        theNextRequestIsAccepted();
    }

    @Test
    void invalidUtf8Is400NamingWhereItStarts() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"body\":\"caf".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post("application/json", BodyPublishers.ofByteArray(body.toByteArray()));

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asText()).contains("not valid UTF-8").contains("byte 12");
        theNextRequestIsAccepted();
    }

    @Test
    void tenThousandLevelsOfJsonAre400NotAStackOverflow() throws Exception {
        String deep = "{\"body\":\"x\",\"subjects\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        for (String type : new String[] {"application/json", "application/vnd.iptc.ninjs+json"}) {
            HttpResponse<String> response = post(type, deep);

            assertProblem(response, 400);
            assertThat(json(response).path("detail").asText()).as(type).contains("nesting depth");
        }
        theNextRequestIsAccepted();
    }

    @Test
    void tenThousandLevelsOfXmlAre400() throws Exception {
        String deep = "<newsItem guid=\"g\">" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</newsItem>";

        HttpResponse<String> response = post("application/vnd.iptc.g2.newsitem+xml", deep);

        assertProblem(response, 400);
        assertThat(json(response).path("detail").asText()).contains("malformed XML").containsIgnoringCase("depth");
        theNextRequestIsAccepted();
    }

    @Test
    void ndjsonWithOneBadLineAmongGoodOnesIs202NamingThatLine() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"guid\":\"a\",\"body\":\"one\"}\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("{\"guid\":\"b\",\"body\":\"tw".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xFF, '"', '}', '\n'});
        body.writeBytes(("{\"guid\":\"c\",\"subjects\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes("{\"guid\":\"d\",\"body\":\"four\"}\n".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post("application/x-ndjson", BodyPublishers.ofByteArray(body.toByteArray()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode items = json(response).path("items");
        assertThat(items).hasSize(4);
        assertThat(items.get(0).has("id")).isTrue();
        assertThat(items.get(1).path("status").asInt()).isEqualTo(400);
        assertThat(items.get(1).path("line").asInt()).isEqualTo(2);
        assertThat(items.get(1).path("detail").asText()).contains("line 2").contains("not valid UTF-8");
        assertThat(items.get(2).path("line").asInt()).isEqualTo(3);
        assertThat(items.get(2).path("detail").asText()).contains("nesting depth");
        assertThat(items.get(3).has("id")).isTrue();
        assertThat(routes.producer().history()).hasSize(2);
    }

    @Test
    void aBatchOfCountlessTinyItemsIs413BeforeItsItemsAreRead() throws Exception {
        int tooMany = ParsedPayload.MAX_ITEMS + 1;
        HttpResponse<String> ndjson = post("application/x-ndjson", "{}\n".repeat(tooMany));
        HttpResponse<String> rss = post("application/rss+xml",
                "<rss><channel>" + "<item><description>x</description></item>".repeat(tooMany) + "</channel></rss>");
        HttpResponse<String> message = post("application/xml",
                "<newsMessage><itemSet>" + "<newsItem/>".repeat(tooMany) + "</itemSet></newsMessage>");

        for (HttpResponse<String> response : new HttpResponse[] {ndjson, rss, message}) {
            assertProblem(response, 413);
            assertThat(json(response).path("max_items").asInt()).isEqualTo(ParsedPayload.MAX_ITEMS);
        }
        HttpResponse<String> atTheLimit = post("application/x-ndjson", "{\"body\":\"x\"}\n".repeat(ParsedPayload.MAX_ITEMS));
        assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(202);
    }

    @Test
    void aDocumentOfCountlessElementsIs413BeforeItIsBuilt() throws Exception {
        HttpResponse<String> response = post("application/vnd.iptc.g2.newsitem+xml",
                "<newsItem>" + "<x/>".repeat(XmlLimits.MAX_ELEMENTS) + "</newsItem>");

        assertProblem(response, 413);
        assertThat(json(response).path("max_elements").asInt()).isEqualTo(XmlLimits.MAX_ELEMENTS);
        theNextRequestIsAccepted();
    }
}
