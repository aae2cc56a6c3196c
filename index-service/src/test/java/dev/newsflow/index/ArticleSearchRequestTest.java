package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Json;
import dev.newsflow.core.PubStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Elasticsearch request a search turns into, read back as JSON. */
class ArticleSearchRequestTest {

    static final CursorSeal CURSORS = new CursorSeal("a key for tests only".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static JsonNode request(Map<String, List<String>> params) throws IOException {
        SearchQuery query = SearchQuery.parse(params, CURSORS);
        var request = ArticleSearch.request("news", query, TIMEOUT, query.includeDuplicates() ? null : DuplicateFolding.HIDE_ALL, NOW);
        return Json.mapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper(Json.mapper())));
    }

    @Test
    void fullTextWeighsTheTitleAndRequiresEveryWord() throws IOException {
        JsonNode body = request(Map.of("q", List.of("\"central bank\" -football rates OR inflation")));

        JsonNode sqs = body.at("/query/bool/must/0/bool/must/0/simple_query_string");
        assertThat(sqs.get("query").asText()).isEqualTo("\"central bank\" -football rates | inflation");
        assertThat(sqs.get("fields")).extracting(JsonNode::asText).contains("title^3", "body");
        assertThat(sqs.get("default_operator").asText()).isEqualToIgnoringCase("and");
        // No fuzzy, slop or near operators: each lets one word fan out over many terms.
        assertThat(sqs.get("flags").asText()).isEqualTo("AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|ESCAPE|PREFIX");
        assertThat(body.get("timeout").asText()).isEqualTo("5000ms");
        assertThat(body.at("/sort/0").has("_score")).isTrue();
    }

    @Test
    void filtersAreTermsAndARangeOutsideTheScore() throws IOException {
        JsonNode body = request(Map.of("person", List.of("Vladimir Putin"), "source", List.of("reuters"),
                "since", List.of("2025-03-01"), "until", List.of("2025-03-02")));

        assertThat(body.at("/query/bool/must/0/bool/must/0").has("match_all")).isTrue();
        JsonNode filters = body.at("/query/bool/must/0/bool/filter");
        assertThat(filters.toString())
                .contains("{\"term\":{\"people\":{\"value\":\"Vladimir Putin\"}}}")
                .contains("{\"term\":{\"source\":{\"value\":\"reuters\"}}}")
                .contains("\"gte\":\"2025-03-01T00:00:00Z\"")
                .contains("\"lt\":\"2025-03-02T00:00:00Z\"");
        assertThat(body.at("/sort/0/published_at/order").asText()).isEqualTo("desc");
    }

    @Test
    void asksOneHitMoreForTheCursorAndHighlightsWithEscaping() throws IOException {
        JsonNode body = request(Map.of("q", List.of("storm"), "size", List.of("5")));

        assertThat(body.get("size").asInt()).isEqualTo(6);
        assertThat(body.at("/highlight/encoder").asText()).isEqualTo("html");
        assertThat(body.at("/highlight/fields").toString()).contains("body").contains("title");
        assertThat(body.get("aggregations").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("people", "organizations", "places", "topics", "sources", "languages");
        assertThat(body.at("/aggregations/sources/terms/field").asText()).isEqualTo("source");
    }

    @Test
    void aCursorBecomesSearchAfter() throws IOException {
        String cursor = CURSORS.seal(new SearchCursor(SearchSort.NEWEST, List.of(1_700_000_000_000L, 1_700_000_000_500L, "id1")));

        JsonNode body = request(Map.of("cursor", List.of(cursor)));

        assertThat(body.get("search_after").toString()).isEqualTo("[1700000000000,1700000000500,\"id1\"]");
    }

    @Test
    void snippetPrefersABodyMatchThenTheTitle() {
        assertThat(ArticleSearch.snippet(Map.of("body", List.of("a <em>storm</em> came"), "title", List.of("<em>Storm</em>"))))
                .isEqualTo("a <em>storm</em> came");
        assertThat(ArticleSearch.snippet(Map.of("body", List.of("the start of the body"), "title", List.of("<em>Storm</em>"))))
                .isEqualTo("<em>Storm</em>");
        assertThat(ArticleSearch.snippet(Map.of("body", List.of("the start of the body"))))
                .isEqualTo("the start of the body");
    }

    @Test
    void duplicatesAreLeftOutUnlessIncluded() throws IOException {
        assertThat(request(Map.of()).at("/query/bool/must_not").toString()).contains("{\"exists\":{\"field\":\"duplicate_of\"}}");
        assertThat(request(Map.of("duplicates", List.of("include"))).at("/query").toString()).doesNotContain("duplicate_of");
    }

    @Test
    void relatedIsMoreLikeThisWithoutTheArticleAndDuplicates() throws IOException {
        EnrichedArticle article = IndexFixture.article("g-1", 1, "Storm hits coast", "A storm closed the port.");
        var request = ArticleSearch.relatedRequest("news", article, 7, TIMEOUT, NOW);
        JsonNode body = Json.mapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper(Json.mapper())));

        assertThat(body.get("size").asInt()).isEqualTo(7);
        JsonNode mlt = body.at("/query/bool/must/0/more_like_this");
        assertThat(mlt.get("fields")).extracting(JsonNode::asText).containsExactly("title", "body");
        assertThat(mlt.get("like").toString()).contains("Storm hits coast").contains("A storm closed the port.");
        assertThat(body.at("/query/bool/must_not").toString())
                .contains("{\"ids\":{\"values\":[\"" + article.id() + "\"]}}")
                .contains("{\"exists\":{\"field\":\"duplicate_of\"}}");
        EnrichedArticle empty = IndexFixture.article("g-2", 1, "", " ");
        assertThat(ArticleSearch.relatedRequest("news", empty, 5, TIMEOUT, NOW)).isNull();
    }

    @Test
    void relatedComparesTheTitleAndTheOpeningOfALongBody() throws IOException {
        String opening = "harbour ".repeat(ArticleSearch.RELATED_BODY_WORDS).strip();
        EnrichedArticle article = IndexFixture.article("g-3", 1, "Storm hits coast", opening + " lighthouse".repeat(100_000));

        var request = ArticleSearch.relatedRequest("news", article, 5, TIMEOUT, NOW);
        JsonNode body = Json.mapper().readTree(JsonpUtils.toJsonString(request, new JacksonJsonpMapper(Json.mapper())));

        assertThat(body.at("/query/bool/must/0/more_like_this/like/0").asText())
                .isEqualTo("Storm hits coast\n" + opening);
        assertThat(ArticleSearch.opening("two words")).isEqualTo("two words");
    }

    @Test
    void noReadSeesAWithheldStoryOrOneUnderEmbargo() throws IOException {
        String hidden = "{\"bool\":{\"should\":[{\"term\":{\"pubstatus\":{\"value\":\"withheld\"}}},"
                + "{\"range\":{\"embargoed_until\":{\"gt\":\"2026-12-06T12:00:00Z\"}}}]}}";
        assertThat(request(Map.of()).at("/query/bool/must/0/bool/must_not").toString()).contains(hidden);
        assertThat(request(Map.of("duplicates", List.of("include"))).at("/query/bool/must_not").toString()).contains(hidden);
        var related = ArticleSearch.relatedRequest("news", IndexFixture.article("g-4", 1, "Storm", "A storm."), 5, TIMEOUT, NOW);
        assertThat(JsonpUtils.toJsonString(related, new JacksonJsonpMapper(Json.mapper()))).contains(hidden);

        EnrichedArticle usable = IndexFixture.article("g-5", 1, "Storm", "A storm.");
        assertThat(ArticleSearch.readable(usable, NOW)).isTrue();
        assertThat(ArticleSearch.readable(usable.toBuilder().pubstatus(PubStatus.WITHHELD).build(), NOW)).isFalse();
        assertThat(ArticleSearch.readable(usable.toBuilder().embargoedUntil(NOW.plusSeconds(1)).build(), NOW)).isFalse();
        assertThat(ArticleSearch.readable(usable.toBuilder().embargoedUntil(NOW).build(), NOW)).isTrue();
    }
}
