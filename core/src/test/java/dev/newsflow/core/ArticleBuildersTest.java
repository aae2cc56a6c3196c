package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleBuildersTest {

    @Test
    void anUnsetFieldIsNullZeroOrAnEmptyList() {
        RawArticle raw = RawArticle.builder().build();
        assertThat(raw).hasAllNullFieldsOrPropertiesExcept("version", "subjects", "people", "organizations", "places");
        assertThat(raw.version()).isZero();
        assertThat(raw.subjects()).isEmpty();
        assertThat(raw.places()).isEmpty();

        EnrichedArticle enriched = EnrichedArticle.builder().build();
        assertThat(enriched).hasAllNullFieldsOrPropertiesExcept("version", "wordCount", "people", "organizations",
                "places", "topics", "keywords", "subjects");
        assertThat(enriched.wordCount()).isZero();
        assertThat(enriched.keywords()).isEmpty();
    }

    @Test
    void toBuilderGivesBackTheSameArticle() {
        assertThat(FullArticles.raw().toBuilder().build()).isEqualTo(FullArticles.raw());
        assertThat(FullArticles.enriched().toBuilder().build()).isEqualTo(FullArticles.enriched());
    }

    @Test
    void aCopyChangesOnlyWhatItNames() {
        RawArticle raw = FullArticles.raw().toBuilder().title("Other").build();
        assertThat(raw.title()).isEqualTo("Other");
        assertThat(raw).usingRecursiveComparison().ignoringFields("title").isEqualTo(FullArticles.raw());

        Instant indexed = Instant.parse("2026-11-02T00:00:00Z");
        assertThat(FullArticles.enriched().withIndexedAt(indexed))
                .isEqualTo(FullArticles.enriched().toBuilder().indexedAt(indexed).build());
    }

    @Test
    void aListChangedAfterBuildingDoesNotChangeTheArticle() {
        List<String> people = new ArrayList<>(List.of("Ana Lima"));
        EnrichedArticle article = EnrichedArticle.builder().people(people).build();
        people.add("Someone Else");
        assertThat(article.people()).containsExactly("Ana Lima");
    }
}
