package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.Json;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every feed format, updates, kills and every refusal, against a real Kafka broker. */
@ExtendWith(LocalStackExtension.class)
class IngestFormatsIT {

    private static final String KEY = "formats-key-" + UUID.randomUUID();
    private static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

    private final StackEndpoints stack;
    private RunningIngest ingest;
    private IngestConfig config;

    IngestFormatsIT(StackEndpoints stack) {
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

    private HttpResponse<String> post(String contentType, byte[] body, String key) throws IOException, InterruptedException {
        return ingest.post(contentType, body, key);
    }

    private HttpResponse<String> post(String contentType, String body) throws IOException, InterruptedException {
        return post(contentType, body.getBytes(StandardCharsets.UTF_8), KEY);
    }

    private HttpResponse<String> accepted(String contentType, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = post(contentType, body);
        assertThat(response.statusCode()).as(contentType + ": " + response.body()).isEqualTo(202);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.mapper().readTree(response.body());
    }

    /** Everything on the raw topic, in offset order per partition, each keyed by its article id. */
    private List<RawArticle> awaitRawRecords(int expected) {
        List<ConsumerRecord<String, RawArticle>> records = ingest.awaitRawRecords(expected);
        records.forEach(r -> assertThat(r.key()).isEqualTo(r.value().id()));
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static RawArticle byGuid(List<RawArticle> articles, String guid) {
        return articles.stream().filter(a -> guid.equals(a.guid())).findFirst().orElseThrow(
                () -> new AssertionError("no article with guid " + guid + " in " + articles));
    }

    @Test
    void everyFormatIsOnTheRawTopicWhenAnswered202() throws Exception {
        accepted("application/vnd.iptc.ninjs+json",
                "{\"uri\":\"urn:f:ninjs\",\"version\":\"1\",\"headlines\":[{\"value\":\"Ninjs\"}],\"bodies\":[{\"value\":\"T\"}]}");
        accepted("application/vnd.iptc.g2.newsitem+xml", "<newsItem xmlns=\"" + NAR + "\" guid=\"urn:f:g2\" version=\"2\">"
                + "<contentMeta><headline>G2</headline></contentMeta><contentSet><inlineXML contenttype=\"application/xhtml+xml\">"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>T</p></body></html></inlineXML></contentSet></newsItem>");
        HttpResponse<String> message = accepted("application/xml", "<newsMessage xmlns=\"" + NAR + "\"><itemSet>"
                + "<newsItem guid=\"urn:f:m1\"><contentSet><inlineData>One</inlineData></contentSet></newsItem>"
                + "<newsItem guid=\"urn:f:m2\"><contentSet><inlineData>Two</inlineData></contentSet></newsItem>"
                + "</itemSet></newsMessage>");
        HttpResponse<String> rss = accepted("application/rss+xml", "<rss version=\"2.0\"><channel><title>c</title>"
                + "<item><guid>urn:f:rss1</guid><description>One</description></item>"
                + "<item><guid>urn:f:rss2</guid><description>Two</description></item></channel></rss>");
        accepted("application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><id>f</id><title>t</title>"
                + "<updated>2024-05-01T00:00:00Z</updated><entry><id>urn:f:atom</id><title>Atom</title>"
                + "<updated>2024-05-01T00:00:00Z</updated><content type=\"html\">&lt;p&gt;T&lt;/p&gt;</content></entry></feed>");
        HttpResponse<String> page = accepted("text/html", "<html><head><title>Page</title></head><body>T</body></html>");
        HttpResponse<String> batch = accepted("application/x-ndjson",
                "{\"guid\":\"urn:f:nd1\",\"body\":\"one\"}\n{\"guid\":\"urn:f:nd2\",\"body\":\"two\",\"urgency\":10}\n");

        assertThat(json(message).path("items")).hasSize(2);
        assertThat(json(rss).path("items")).hasSize(2);
        assertThat(json(batch).path("items").get(1).path("status").asInt()).isEqualTo(400);
        List<RawArticle> articles = awaitRawRecords(9);
        assertThat(byGuid(articles, "urn:f:ninjs").title()).isEqualTo("Ninjs");
        assertThat(byGuid(articles, "urn:f:g2").version()).isEqualTo(2);
        assertThat(byGuid(articles, "urn:f:g2").bodyHtml()).contains("<p>T</p>");
        assertThat(byGuid(articles, "urn:f:m2").body()).isEqualTo("Two");
        assertThat(byGuid(articles, "urn:f:rss1").contentType()).isEqualTo("application/rss+xml");
        assertThat(byGuid(articles, "urn:f:atom").title()).isEqualTo("Atom");
        assertThat(byGuid(articles, "urn:f:nd1").body()).isEqualTo("one");
        RawArticle html = articles.stream().filter(a -> a.contentType().equals("text/html")).findFirst().orElseThrow();
        assertThat(html.id()).isEqualTo(json(page).path("id").asText());
        assertThat(html.bodyHtml()).contains("<title>Page</title>");
        assertThat(articles).allMatch(a -> a.source().equals("wire"));
    }

    @Test
    void anUpdateAndAKillKeepTheStorysIdWithRisingVersions() throws Exception {
        String first = "{\"uri\":\"urn:f:story\",\"version\":\"1\",\"headline\":\"Fire\",\"body_text\":\"A fire.\"}";
        String update = "{\"uri\":\"urn:f:story\",\"version\":\"2\",\"headline\":\"Fire out\",\"body_text\":\"Out.\"}";
        String kill = "<newsItem xmlns=\"" + NAR + "\" guid=\"urn:f:story\" version=\"3\">"
                + "<itemMeta><pubStatus qcode=\"stat:canceled\"/></itemMeta></newsItem>";

        accepted("application/vnd.iptc.ninjs+json", first);
        accepted("application/vnd.iptc.ninjs+json", update);
        JsonNode killed = json(accepted("application/vnd.iptc.g2.newsitem+xml", kill));

        String id = ArticleId.of("wire", "urn:f:story");
        assertThat(killed.path("id").asText()).isEqualTo(id);
        assertThat(killed.path("version").asLong()).isEqualTo(3);
        List<RawArticle> versions = awaitRawRecords(3).stream()
                .sorted(Comparator.comparingLong(RawArticle::version)).toList();
        assertThat(versions).extracting(RawArticle::id).containsOnly(id);
        assertThat(versions).extracting(RawArticle::version).containsExactly(1L, 2L, 3L);
        assertThat(versions.get(1).title()).isEqualTo("Fire out");
        assertThat(versions.get(2).pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(versions.get(0).pubstatus()).isNull();
    }

    @Test
    void refusalsNameWhatIsWrongAndWriteNothing() throws Exception {
        HttpResponse<String> malformedXml = post("application/vnd.iptc.g2.newsitem+xml", "<newsItem>\n<itemMeta></newsItem>");
        HttpResponse<String> xxe = post("application/xml", "<!DOCTYPE newsItem [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<newsItem guid=\"x\"><contentSet><inlineData>&x;</inlineData></contentSet></newsItem>");
        HttpResponse<String> urgency = post("application/vnd.iptc.ninjs+json", "{\"uri\":\"u\",\"body_text\":\"x\",\"urgency\":12}");
        HttpResponse<String> date = post("application/vnd.iptc.ninjs+json", "{\"uri\":\"u\",\"body_text\":\"x\",\"versioncreated\":\"soon\"}");
        HttpResponse<String> malformedJson = post("application/vnd.iptc.ninjs+json", "{\"uri\":");
        HttpResponse<String> wrongKey = post("application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8), "nope");
        HttpResponse<String> tooLarge = post("text/html", ("<p>" + "x".repeat(6 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8), KEY);
        HttpResponse<String> unknownType = post("application/msword", "x");

        assertThat(malformedXml.statusCode()).isEqualTo(400);
        assertThat(json(malformedXml).path("line").asInt()).isEqualTo(2);
        assertThat(xxe.statusCode()).isEqualTo(400);
        assertThat(xxe.body()).contains("DOCTYPE").doesNotContain("root:");
        assertThat(urgency.statusCode()).isEqualTo(400);
        assertThat(json(urgency).path("field").asText()).isEqualTo("urgency");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(json(date).path("field").asText()).isEqualTo("versioncreated");
        assertThat(malformedJson.statusCode()).isEqualTo(400);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(unknownType.statusCode()).isEqualTo(415);
        for (HttpResponse<String> refused : List.of(malformedXml, xxe, urgency, date, malformedJson, wrongKey, tooLarge, unknownType)) {
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }

        accepted("text/plain", "the only story");
        assertThat(awaitRawRecords(1)).extracting(RawArticle::body).containsExactly("the only story");
    }

    @Test
    void acceptsAnArticleOfFourAndAHalfMebibytes() throws Exception {
        String text = "All work and no play. ".repeat(4_500 * 1024 / 22);
        String ninjs = "{\"uri\":\"urn:f:large\",\"headline\":\"Large\",\"body_text\":\"" + text + "\"}";

        HttpResponse<String> response = post("application/vnd.iptc.ninjs+json", ninjs);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        // Compared by length: a failure message quoting 4.5 MiB of text helps nobody.
        assertThat(awaitRawRecords(1).getFirst().body().length()).isEqualTo(text.strip().length());
    }
}
