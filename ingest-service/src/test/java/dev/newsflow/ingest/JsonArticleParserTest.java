package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonArticleParserTest {

    private static final MediaType JSON = MediaType.parse("application/json");
    private final JsonArticleParser parser = new JsonArticleParser();

    private ParsedItem.Valid parse(String json) {
        List<ParsedItem> items = parser.parse(json.getBytes(StandardCharsets.UTF_8), JSON).items();
        assertThat(items).hasSize(1);
        return (ParsedItem.Valid) items.getFirst();
    }

    private static Problem problemOf(ThrowingCallable call) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(ProblemException.class, call);
        assertThat(thrown).as("a ProblemException").isNotNull();
        return thrown.problem();
    }

    @Test
    void readsEveryNativeField() {
        ParsedItem.Valid item = parse("""
                {"guid":"urn:x:1","version":3,"title":"Title","body":"Text.","body_html":"<p>Text.</p>",
                 "url":"https://example.com/a","language":"en","byline":"By A. Writer",
                 "published_at":"2024-05-01T14:30:00+02:00","versioncreated":"2024-05-01T12:31:00.250Z",
                 "subjects":["politics"," economy "],"urgency":2,"pubstatus":"withheld","unknown":{"x":1}}
                """);

        RawArticle a = item.article();
        assertThat(item.feedVersion()).isEqualTo(3L);
        assertThat(a.guid()).isEqualTo("urn:x:1");
        assertThat(a.contentType()).isEqualTo("application/json");
        assertThat(a.title()).isEqualTo("Title");
        assertThat(a.body()).isEqualTo("Text.");
        assertThat(a.bodyHtml()).isEqualTo("<p>Text.</p>");
        assertThat(a.url()).isEqualTo("https://example.com/a");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.byline()).isEqualTo("By A. Writer");
        assertThat(a.publishedAt()).isEqualTo(Instant.parse("2024-05-01T12:30:00Z"));
        assertThat(a.versionCreatedAt()).isEqualTo(Instant.parse("2024-05-01T12:31:00.250Z"));
        assertThat(a.subjects()).containsExactly("politics", "economy");
        assertThat(a.urgency()).isEqualTo(2);
        assertThat(a.pubstatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(a.source()).isNull();
        assertThat(a.id()).isNull();
    }

    @Test
    void onlyABodyIsRequiredAndNullMeansAbsent() {
        ParsedItem.Valid item = parse("{\"body_html\":\"<p>x</p>\",\"title\":null,\"urgency\":null}");

        assertThat(item.feedVersion()).isNull();
        assertThat(item.article().bodyHtml()).isEqualTo("<p>x</p>");
        assertThat(item.article().title()).isNull();
        assertThat(item.article().subjects()).isEmpty();
    }

    @Test
    void aCanceledArticleNeedsOnlyItsGuid() {
        ParsedItem.Valid item = parse("{\"guid\":\"urn:x:1\",\"pubstatus\":\"canceled\"}");

        assertThat(item.article().withdrawn()).isTrue();
        assertThat(problemOf(() -> parse("{\"pubstatus\":\"canceled\"}")).extensions()).containsEntry("field", "guid");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"title":"no text"}                             | body      | body or body_html is required
            {"body":"   "}                                  | body      | body or body_html is required
            {"body":"x","urgency":0}                        | urgency   | from 1 (most urgent) to 9, got 0
            {"body":"x","urgency":10}                       | urgency   | got 10
            {"body":"x","urgency":"1"}                      | urgency   | got "1"
            {"body":"x","urgency":1.5}                      | urgency   | got 1.5
            {"body":"x","version":-1}                       | version   | at least 0
            {"body":"x","version":"2"}                      | version   | whole number
            {"body":"x","published_at":"2024-05-01"}        | published_at | ISO-8601 timestamp with a zone
            {"body":"x","published_at":"2024-05-01T12:00"}  | published_at | got "2024-05-01T12:00"
            {"body":"x","published_at":1714563000}          | published_at | must be a string, got a number
            {"body":"x","versioncreated":"yesterday"}       | versioncreated | ISO-8601
            {"body":"x","pubstatus":"draft"}                | pubstatus | usable, withheld, canceled
            {"body":"x","pubstatus":true}                   | pubstatus | must be a string, got a boolean
            {"body":["x"]}                                  | body      | body must be a string, got an array
            {"body":"x","title":{"main":"t"}}               | title     | title must be a string, got an object
            {"body":"x","subjects":"politics"}              | subjects  | array of strings, got a string
            {"body":"x","subjects":["a",2]}                 | subjects  | subjects[1] must be a non-blank string
            {"body":"x","url":"example.com/a"}              | url       | absolute http or https URL
            {"body":"x","url":"ftp://example.com/a"}        | url       | absolute http or https URL
            {"body":"x","url":"http://exa mple.com"}        | url       | not a valid URL
            """)
    void refusesInvalidFieldsNamingThem(String json, String field, String detail) {
        Problem problem = problemOf(() -> parse(json));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.extensions()).containsEntry("field", field);
        assertThat(problem.detail()).contains(detail);
    }

    @Test
    void reportsMalformedJsonWithLineAndColumn() {
        Problem problem = problemOf(() -> parse("{\n  \"body\": \"x\",\n  \"title\" \"y\"\n}"));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).startsWith("malformed JSON at line 3, column");
        assertThat(problem.extensions()).containsEntry("line", 3).containsKey("column");
    }

    @Test
    void refusesDuplicateFieldsTrailingTextAndNonObjects() {
        assertThat(problemOf(() -> parse("{\"body\":\"a\",\"body\":\"b\"}")).detail()).contains("Duplicate field 'body'");
        assertThat(problemOf(() -> parse("{\"body\":\"a\"} {\"body\":\"b\"}")).detail()).contains("malformed JSON");
        assertThat(problemOf(() -> parse("[{\"body\":\"a\"}]")).detail()).contains("JSON object, got an array");
        assertThat(problemOf(() -> parse("\"text\"")).detail()).contains("JSON object, got a string");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> parser.parse(body, JSON))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains("not valid UTF-8").contains("byte 9");
                });
    }

    @Test
    void keepsTheClaimedSourceForTheIdentityCheck() {
        assertThat(parse("{\"body\":\"x\",\"source\":\"ap\"}").article().source()).isEqualTo("ap");
    }
}
