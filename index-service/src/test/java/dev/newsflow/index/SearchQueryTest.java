package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.newsflow.core.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static SearchQuery parse(Map<String, List<String>> params) {
        return SearchQuery.parse(params, ArticleSearchRequestTest.CURSORS);
    }

    private static ProblemException rejected(Map<String, List<String>> params) {
        return catchThrowableOfType(ProblemException.class, () -> SearchQuery.parse(params, ArticleSearchRequestTest.CURSORS));
    }

    @Test
    void defaultsToRelevanceWithTextAndNewestWithout() {
        assertThat(parse(Map.of("q", List.of("storm")))).satisfies(q -> {
            assertThat(q.text()).isEqualTo("storm");
            assertThat(q.sort()).isEqualTo(SearchSort.RELEVANCE);
            assertThat(q.size()).isEqualTo(SearchQuery.DEFAULT_SIZE);
            assertThat(q.cursor()).isNull();
        });
        assertThat(parse(Map.of()).sort()).isEqualTo(SearchSort.NEWEST);
        assertThat(parse(Map.of("q", List.of("  "))).text()).isNull();
    }

    @Test
    void readsFiltersDatesAndSort() {
        SearchQuery q = parse(Map.of(
                "person", List.of("Vladimir Putin", "Joe Biden"),
                "organization", List.of("NATO"),
                "place", List.of("Kyiv"),
                "topic", List.of("politics"),
                "language", List.of("en"),
                "source", List.of("reuters"),
                "since", List.of("2025-03-01"),
                "until", List.of("2025-03-02T12:30:00Z"),
                "sort", List.of("Newest"),
                "size", List.of("100")));

        assertThat(q.people()).containsExactly("Vladimir Putin", "Joe Biden");
        assertThat(q.organizations()).containsExactly("NATO");
        assertThat(q.places()).containsExactly("Kyiv");
        assertThat(q.topics()).containsExactly("politics");
        assertThat(q.languages()).containsExactly("en");
        assertThat(q.sources()).containsExactly("reuters");
        assertThat(q.since()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(q.until()).isEqualTo(Instant.parse("2025-03-02T12:30:00Z"));
        assertThat(q.sort()).isEqualTo(SearchSort.NEWEST);
        assertThat(q.size()).isEqualTo(100);
    }

    @Test
    void rejectsBadValuesNamingTheParameter() {
        assertThat(rejected(Map.of("size", List.of("0"))).problem().extensions()).containsEntry("parameter", "size");
        assertThat(rejected(Map.of("size", List.of("101"))).problem().extensions()).containsEntry("parameter", "size");
        assertThat(rejected(Map.of("size", List.of("ten"))).problem().extensions()).containsEntry("parameter", "size");
        assertThat(rejected(Map.of("sort", List.of("oldest"))).problem().extensions()).containsEntry("parameter", "sort");
        assertThat(rejected(Map.of("since", List.of("yesterday"))).problem().extensions()).containsEntry("parameter", "since");
        assertThat(rejected(Map.of("until", List.of("2025-13-01"))).problem().extensions()).containsEntry("parameter", "until");
        assertThat(rejected(Map.of("since", List.of("2025-03-02"), "until", List.of("2025-03-01")))
                .problem().extensions()).containsEntry("parameter", "until");
        assertThat(rejected(Map.of("cursor", List.of("not-a-cursor"))).problem().extensions()).containsEntry("parameter", "cursor");

        ProblemException e = rejected(Map.of("size", List.of("0")));
        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().detail()).contains("size");
    }

    @Test
    void aCursorOnlyContinuesTheSortItCameFrom() {
        String cursor = ArticleSearchRequestTest.CURSORS.seal(new SearchCursor(SearchSort.NEWEST, List.of(1_700_000_000_000L, "abc")));

        assertThat(parse(Map.of("cursor", List.of(cursor))).cursor().after()).containsExactly(1_700_000_000_000L, "abc");
        assertThat(rejected(Map.of("q", List.of("x"), "cursor", List.of(cursor))).problem().extensions())
                .containsEntry("parameter", "cursor");
    }

    @Test
    void foldsDuplicatesUnlessAskedToIncludeThem() {
        assertThat(parse(Map.of()).includeDuplicates()).isFalse();
        assertThat(parse(Map.of("duplicates", List.of("fold"))).includeDuplicates()).isFalse();
        assertThat(parse(Map.of("duplicates", List.of("include"))).includeDuplicates()).isTrue();
        assertThat(parse(Map.of("duplicates", List.of("include"))).after(null).includeDuplicates()).isTrue();
        assertThat(rejected(Map.of("duplicates", List.of("all"))).problem().extensions()).containsEntry("parameter", "duplicates");
    }

    @Test
    void aLongQueryOrAnOpenEndedPrefixIsRefusedNamingQ() {
        assertThat(parse(Map.of("q", List.of("x".repeat(SearchLimits.MAX_QUERY_CHARS)))).text()).hasSize(SearchLimits.MAX_QUERY_CHARS);
        assertThat(rejected(Map.of("q", List.of("x".repeat(SearchLimits.MAX_QUERY_CHARS + 1)))).problem().extensions())
                .containsEntry("parameter", "q");

        assertThat(parse(Map.of("q", List.of("elect* \"a*\" harb*"))).text()).isEqualTo("elect* \"a*\" harb*");
        assertThat(rejected(Map.of("q", List.of("el*"))).problem().detail()).contains("at least 3 letters");
        assertThat(rejected(Map.of("q", List.of("storm -*"))).problem().extensions()).containsEntry("parameter", "q");
        assertThat(rejected(Map.of("q", List.of("abc* def* ghi* jkl*"))).problem().detail()).contains("at most 3");
    }
}
