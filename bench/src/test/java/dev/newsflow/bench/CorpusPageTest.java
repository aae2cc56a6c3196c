package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class CorpusPageTest {

    private static final CorpusArticle STORY = new CorpusArticle("story-1", 1, "Port <reopens> after storm",
            "LISBON (Newsflow) - The port reopened.\n\nShips & ferries sailed again.", "en", "By Ana Reis",
            Instant.parse("2025-03-01T06:00:00Z"), List.of(), CorpusArticle.Kind.ORIGINAL);
    private static final CorpusArticle OTHER = new CorpusArticle("story-2", 1, "Rail strike called off",
            "PORTO (Newsflow) - The strike is off.", "en", "By Rui Matos",
            Instant.parse("2025-03-01T06:07:00Z"), List.of(), CorpusArticle.Kind.ORIGINAL);

    @Test
    void theStoryStandsInItsArticleWithEachParagraphAndTheOtherStoriesBesideIt() {
        Document page = Jsoup.parse(CorpusPage.of(STORY, List.of(OTHER)));

        assertThat(page.selectFirst("article h1").text()).isEqualTo("Port <reopens> after storm");
        assertThat(page.select("article p").eachText())
                .containsExactly("LISBON (Newsflow) - The port reopened.", "Ships & ferries sailed again.");
        assertThat(page.select("aside li").eachText()).containsExactly("Rail strike called off");
        assertThat(page.select("nav li")).hasSizeGreaterThan(3);
        assertThat(page.select("meta[property=article:published_time]").attr("content")).isEqualTo("2025-03-01T06:00:00Z");
    }
}
