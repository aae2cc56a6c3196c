package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ArticleId;
import dev.newsflow.core.ProblemException;
import dev.newsflow.core.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleIdentityTest {

    private static final Instant RECEIVED = Instant.parse("2024-05-01T12:00:00.123Z");

    private static ParsedItem.Valid nativeArticle(String json) {
        return (ParsedItem.Valid) new JsonArticleParser()
                .parse(json.getBytes(StandardCharsets.UTF_8), MediaType.parse("application/json")).items().getFirst();
    }

    @Test
    void usesTheFeedGuidAndVersion() {
        RawArticle a = ArticleIdentity.assign(nativeArticle("""
                {"guid":"urn:x:1","version":7,"url":"https://e.com/a","body":"x","versioncreated":"2024-01-01T00:00:00Z"}
                """), "reuters", RECEIVED);

        assertThat(a.source()).isEqualTo("reuters");
        assertThat(a.guid()).isEqualTo("urn:x:1");
        assertThat(a.id()).isEqualTo(ArticleId.of("reuters", "urn:x:1"));
        assertThat(a.version()).isEqualTo(7);
        assertThat(a.ingestedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void withoutGuidTheUrlAndWithoutVersionVersionCreated() {
        RawArticle a = ArticleIdentity.assign(nativeArticle("""
                {"url":"https://e.com/a","body":"x","versioncreated":"2024-01-01T00:00:00.5Z"}
                """), "reuters", RECEIVED);

        assertThat(a.guid()).isEqualTo("https://e.com/a");
        assertThat(a.id()).isEqualTo(ArticleId.of("reuters", "https://e.com/a"));
        assertThat(a.version()).isEqualTo(Instant.parse("2024-01-01T00:00:00.5Z").toEpochMilli());
    }

    @Test
    void withNothingTheHashOfTitleAndBodyAndTheIngestTime() {
        RawArticle a = ArticleIdentity.assign(nativeArticle("{\"title\":\"T\",\"body\":\"B\"}"), "reuters", RECEIVED);
        RawArticle again = ArticleIdentity.assign(nativeArticle("{\"title\":\"T\",\"body\":\"B\"}"), "reuters",
                RECEIVED.plusSeconds(60));

        assertThat(a.guid()).isEqualTo(ArticleId.fallbackGuid(null, "T", "B"));
        assertThat(a.version()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(again.id()).isEqualTo(a.id());
        assertThat(again.version()).isGreaterThan(a.version());
    }

    @Test
    void theSameGuidFromAnotherSourceIsAnotherArticle() {
        ParsedItem.Valid item = nativeArticle("{\"guid\":\"g\",\"body\":\"x\"}");

        assertThat(ArticleIdentity.assign(item, "ap", RECEIVED).id())
                .isNotEqualTo(ArticleIdentity.assign(item, "reuters", RECEIVED).id());
    }

    @Test
    void aClaimedSourceMustBeTheKeysSource() {
        assertThat(ArticleIdentity.assign(nativeArticle("{\"source\":\"reuters\",\"body\":\"x\"}"), "reuters", RECEIVED)
                .source()).isEqualTo("reuters");
        assertThatThrownBy(() -> ArticleIdentity.assign(nativeArticle("{\"source\":\"ap\",\"body\":\"x\"}"),
                "reuters", RECEIVED))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(403);
                    assertThat(e.problem().extensions()).containsEntry("field", "source");
                });
    }
}
