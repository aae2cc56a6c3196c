package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.ArticleId;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.Problem;
import dev.newsflow.core.PubStatus;
import dev.newsflow.stack.LocalStackExtension;
import dev.newsflow.stack.StackEndpoints;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The search API over a known corpus of 30 articles (and two duplicates), so every filter and every
 * facet has an exact expected count. Article {@code i} has: source {@code wire-a/b/c} by {@code i % 3};
 * language {@code de} when {@code i % 5 == 0}, else {@code en}; "Ada Lovelace" when even, "Alan Turing"
 * when {@code i % 3 == 0}; UNESCO when {@code i % 4 == 0}; Berlin when {@code i < 12}, else Paris;
 * topic science when even, else economy; published {@code i} hours after 2025-03-01T00:00Z.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {

    private static final int ARTICLES = 30;
    private static final Instant BASE = Instant.parse("2025-03-01T00:00:00Z");
    private static final String[] SOURCES = {"wire-a", "wire-b", "wire-c"};

    private IndexFixture index;
    private final List<EnrichedArticle> corpus = IntStream.range(0, ARTICLES).mapToObj(SearchIT::article).toList();

    @BeforeAll
    void indexTheCorpus(StackEndpoints stack) throws Exception {
        index = new IndexFixture(stack);
        corpus.forEach(index::send);
        index.send(duplicate("dup-1"));
        index.send(duplicate("dup-2"));
        await().atMost(Duration.ofSeconds(60)).until(() -> total("duplicates=include") == ARTICLES + 2);
    }

    @AfterAll
    void stop() throws Exception {
        index.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            person=Ada Lovelace                                  | 15
            person=Ada Lovelace&person=Alan Turing               | 5
            organization=UNESCO                                  | 8
            place=Berlin                                         | 12
            topic=economy                                        | 15
            language=de                                          | 6
            source=wire-b                                        | 10
            since=2025-03-01T10:00:00Z&until=2025-03-01T20:00:00Z | 10
            since=2025-03-02                                     | 6
            until=2025-03-01T05:00:00Z                           | 5
            topic=science&language=de&place=Berlin               | 2
            q="central bank"                                     | 2
            q=bank                                               | 3
            q=bank -rates                                        | 1
            q=galaxy OR football                                 | 16
            q=telescope AND football                             | 0
            """)
    void everyFilterAndTheQuerySyntaxNarrowToTheExpectedCount(String query, long expected) {
        assertThat(total(query)).isEqualTo(expected);
    }

    @Test
    void facetsCountEveryValueOfAllMatches() {
        JsonNode result = search("size=1");

        assertThat(facet(result, "people")).containsExactly(Map.entry("Ada Lovelace", 15L), Map.entry("Alan Turing", 10L));
        assertThat(facet(result, "organizations")).containsExactly(Map.entry("UNESCO", 8L));
        assertThat(facet(result, "places")).containsExactly(Map.entry("Paris", 18L), Map.entry("Berlin", 12L));
        assertThat(facet(result, "topics")).containsExactly(Map.entry("economy", 15L), Map.entry("science", 15L));
        assertThat(facet(result, "sources")).containsExactly(
                Map.entry("wire-a", 10L), Map.entry("wire-b", 10L), Map.entry("wire-c", 10L));
        assertThat(facet(result, "languages")).containsExactly(Map.entry("en", 24L), Map.entry("de", 6L));
    }

    @Test
    void facetsFollowTheFilters() {
        JsonNode result = search("topic=science");

        assertThat(result.path("total").asLong()).isEqualTo(15);
        assertThat(facet(result, "people")).containsExactly(Map.entry("Ada Lovelace", 15L), Map.entry("Alan Turing", 5L));
        assertThat(facet(result, "places")).containsExactly(Map.entry("Paris", 9L), Map.entry("Berlin", 6L));
        assertThat(facet(result, "topics")).containsExactly(Map.entry("science", 15L));
        assertThat(facet(result, "sources")).containsExactly(
                Map.entry("wire-a", 5L), Map.entry("wire-b", 5L), Map.entry("wire-c", 5L));
        assertThat(facet(result, "languages")).containsExactly(Map.entry("en", 12L), Map.entry("de", 3L));
    }

    @Test
    void duplicatesAreFoldedUnderTheirOriginalUnlessIncluded() {
        JsonNode folded = search("q=quantum&size=10");
        assertThat(folded.path("total").asLong()).isEqualTo(6);
        assertThat(IndexFixture.hitIds(folded)).doesNotContain(duplicate("dup-1").id(), duplicate("dup-2").id());
        JsonNode original = hit(folded, corpus.getFirst().id());
        assertThat(original.path("duplicates").asLong()).isEqualTo(2);
        assertThat(hit(folded, corpus.get(10).id()).has("duplicates")).isFalse();
        assertThat(facet(search("size=1"), "sources")).doesNotContainKey("wire-dup");

        JsonNode included = search("q=quantum&size=10&duplicates=include");
        assertThat(included.path("total").asLong()).isEqualTo(8);
        assertThat(IndexFixture.hitIds(included)).contains(duplicate("dup-1").id(), duplicate("dup-2").id());
        assertThat(facet(search("duplicates=include&size=1"), "sources")).containsEntry("wire-dup", 2L);
    }

    @Test
    void aCopyIsFoldedOnlyBehindAnOriginalTheReaderAlsoFinds() {
        // The original is from another source: a reader of wire-dup alone sees one copy (both arrived at
        // the same instant), with the other under it.
        JsonNode dupOnly = search("q=quantum&source=wire-dup&size=10");
        assertThat(IndexFixture.hitIds(dupOnly)).hasSize(1).containsAnyOf(duplicate("dup-1").id(), duplicate("dup-2").id());
        assertThat(dupOnly.path("hits").get(0).path("duplicates").asLong()).isEqualTo(1);
        assertThat(dupOnly.path("total").asLong()).isEqualTo(1);
        assertThat(facet(dupOnly, "sources")).containsExactly(Map.entry("wire-dup", 1L));
    }

    @Test
    void snippetsHighlightMatchesAndEscapeTheText() {
        JsonNode galaxy = search("q=galaxy&topic=science&size=20");
        assertThat(galaxy.path("hits")).allSatisfy(h -> assertThat(h.path("snippet").asText()).contains("<em>galaxy</em>"));
        String marked = hit(galaxy, corpus.get(6).id()).path("snippet").asText();
        assertThat(marked).contains("&lt;b&gt;").doesNotContain("<b>").doesNotContain("<script>");

        // Only the title matches: the snippet is the highlighted title.
        JsonNode quantum = search("q=quantum&size=10");
        assertThat(hit(quantum, corpus.get(10).id()).path("snippet").asText()).contains("<em>Quantum</em>");
    }

    @Test
    void relevancePutsTitleMatchesFirstAndNewestSortsByDate() {
        List<String> titleMatches = List.of(corpus.get(0).id(), corpus.get(10).id(), corpus.get(20).id());
        List<String> bodyMatches = List.of(corpus.get(5).id(), corpus.get(15).id(), corpus.get(25).id());

        List<String> relevance = IndexFixture.hitIds(search("q=quantum"));
        assertThat(relevance.subList(0, 3)).containsExactlyInAnyOrderElementsOf(titleMatches);
        assertThat(relevance.subList(3, 6)).containsExactlyInAnyOrderElementsOf(bodyMatches);

        assertThat(IndexFixture.hitIds(search("q=quantum&sort=newest"))).containsExactly(corpus.get(25).id(), corpus.get(20).id(),
                corpus.get(15).id(), corpus.get(10).id(), corpus.get(5).id(), corpus.get(0).id());
    }

    @Test
    void aCursorWalksEveryPageWithoutGapsOrRepeats() {
        List<String> newestFirst = corpus.reversed().stream().map(EnrichedArticle::id).toList();
        assertThat(walk("sort=newest&size=7")).containsExactlyElementsOf(newestFirst);
        assertThat(walk("sort=relevance&size=4")).containsExactlyInAnyOrderElementsOf(newestFirst);
        assertThat(walk("q=galaxy OR inflation&size=6")).hasSize(ARTICLES).doesNotHaveDuplicates();
    }

    @Test
    void anArticleAndItsRelatedStoriesWithoutItselfOrDuplicates() {
        EnrichedArticle first = corpus.getFirst();
        assertThat(index.getJson("/v1/articles/" + first.id()).path("body").asText()).isEqualTo(first.body());

        JsonNode related = index.getJson("/v1/articles/" + first.id() + "/related");
        List<String> ids = IndexFixture.hitIds(related);
        assertThat(ids).hasSize(RelatedQuery.DEFAULT_SIZE)
                .doesNotContain(first.id(), duplicate("dup-1").id(), duplicate("dup-2").id());
        // The science stories share their vocabulary with this one; the economy stories do not.
        assertThat(related.path("hits")).allSatisfy(h -> assertThat(h.path("topics").get(0).asText()).isEqualTo("science"));
        assertThat(IndexFixture.hitIds(index.getJson("/v1/articles/" + first.id() + "/related?size=10"))).hasSize(10);

        assertThat(index.get("/v1/articles/no-such-id/related").statusCode()).isEqualTo(404);
        assertThat(index.get("/v1/articles/no-such-id").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            size=101                                   | size
            size=abc                                   | size
            since=yesterday                            | since
            until=2025-13-01                           | until
            since=2025-03-02&until=2025-03-01          | until
            sort=oldest                                | sort
            cursor=not-a-cursor                        | cursor
            q=b*                                       | q
            duplicates=maybe                           | duplicates
            """)
    void badParametersAreProblems(String query, String parameter) {
        var response = index.get("/v1/search?" + encode(query));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.CONTENT_TYPE));
        assertThat(index.getJson("/v1/search?" + encode(query)).path("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void aCursorOfOneSortIsRefusedByTheOtherAndRelatedSizeIsBounded() {
        String cursor = search("sort=newest&size=2").path("next_cursor").asText();
        assertThat(index.getJson("/v1/search?sort=relevance&cursor=" + cursor).path("parameter").asText()).isEqualTo("cursor");
        var tooMany = index.get("/v1/articles/" + corpus.getFirst().id() + "/related?size=11");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("\"parameter\":\"size\"");
    }

    @Test
    void aCursorWithItsValuesEditedIs400NotAnElasticsearchFailure() {
        String cursor = search("sort=newest&size=2").path("next_cursor").asText();
        String body = cursor.substring(0, cursor.indexOf('.'));
        String edited = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sort\":\"NEWEST\",\"after\":[\"tomorrow\",\"x\",\"y\"]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var response = index.get("/v1/search?sort=newest&cursor=" + cursor.replace(body, edited));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"cursor\"");
    }

    @Test
    void prefixesAreBoundedAndFuzzyOperatorsDoNotExpand() {
        assertThat(total("q=bank")).isEqualTo(3);
        assertThat(total("q=ban*")).isGreaterThanOrEqualTo(3);
        // With fuzzy matching on, "bnak~1" would find the bank stories.
        assertThat(total("q=bnak~1")).isZero();
    }

    private List<String> walk(String query) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = search(query + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(IndexFixture.hitIds(page));
            cursor = page.hasNonNull("next_cursor") ? page.path("next_cursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(pages).isGreaterThan(1);
        return seen;
    }

    private JsonNode search(String query) {
        return index.getJson("/v1/search?" + encode(query));
    }

    private long total(String query) {
        return search(query).path("total").asLong();
    }

    /** Encodes each value of a readable {@code a=b&c=d} query. */
    private static String encode(String query) {
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            parts.add(pair.substring(0, eq + 1) + URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }


    private static JsonNode hit(JsonNode result, String id) {
        for (JsonNode hit : result.path("hits")) {
            if (hit.path("id").asText().equals(id)) {
                return hit;
            }
        }
        throw new AssertionError("no hit " + id + " in " + result);
    }

    private static Map<String, Long> facet(JsonNode result, String name) {
        Map<String, Long> counts = new LinkedHashMap<>();
        result.path("facets").path(name).forEach(v -> counts.put(v.path("value").asText(), v.path("count").asLong()));
        return counts;
    }

    private static EnrichedArticle article(int i) {
        boolean science = i % 2 == 0;
        String title = (science ? "Telescope finds galaxy " : "Market report ") + i + (i % 10 == 0 ? " Quantum" : "");
        String body = switch (i) {
            case 1, 2 -> "The central bank raised rates again. Traders watched inflation and the market close.";
            case 3 -> "The bank said central planning failed. Traders watched inflation and the market close.";
            case 6 -> "Astronomers wrote <b>galaxy</b> & orbit notes <script>alert(1)</script> at the telescope.";
            case 7 -> "A football club bought shares. Traders watched inflation and the market close.";
            default -> science
                    ? "Astronomers pointed the telescope at a distant galaxy and measured its orbit and its stars."
                    : "Traders watched inflation, bond yields and the market close" + (i % 10 == 5 ? " with quantum funds." : ".");
        };
        List<String> people = new ArrayList<>();
        if (science) {
            people.add("Ada Lovelace");
        }
        if (i % 3 == 0) {
            people.add("Alan Turing");
        }
        String source = SOURCES[i % 3];
        Instant published = BASE.plus(Duration.ofHours(i));
        return EnrichedArticle.builder()
                .id(ArticleId.of(source, "s-" + i)).source(source).guid("s-" + i).version(1)
                .url("https://example.org/s-" + i).title(title).body(body).byline("By A. Reporter")
                .language(i % 5 == 0 ? "de" : "en")
                .publishedAt(published).ingestedAt(published.plusSeconds(60)).enrichedAt(published.plusSeconds(61))
                .people(people).organizations(i % 4 == 0 ? List.of("UNESCO") : List.of())
                .places(List.of(i < 12 ? "Berlin" : "Paris")).topics(List.of(science ? "science" : "economy"))
                .wordCount(body.split("\\s+").length).pubstatus(PubStatus.USABLE).urgency(3)
                .build();
    }

    /** A copy of article 0 from another wire, marked by enrichment as its duplicate. */
    private EnrichedArticle duplicate(String guid) {
        EnrichedArticle original = corpus.getFirst();
        Instant published = BASE.plus(Duration.ofMinutes(30));
        return EnrichedArticle.builder()
                .id(ArticleId.of("wire-dup", guid)).source("wire-dup").guid(guid).version(1)
                .title(original.title()).body(original.body()).language("en")
                .publishedAt(published).ingestedAt(published).enrichedAt(published)
                .places(List.of("Berlin")).topics(List.of("science"))
                .wordCount(original.wordCount()).duplicateOf(original.id()).pubstatus(PubStatus.USABLE).urgency(3)
                .build();
    }
}
