package dev.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.Seeds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlainTextCleanerTest {

    private final PlainTextCleaner cleaner = new PlainTextCleaner(new LineClassifier(new TextDateFinder()));

    @Test
    void scrapedSeedPageYieldsHeadlineAndStoryWithoutFurniture() {
        CleanText clean = cleaner.clean(Seeds.read("000_2d81de492a64ddc8.txt"), null);

        assertThat(clean.title()).isEqualTo("Putin, Xi meet for high-stakes talks in challenge to West");
        assertThat(clean.body())
                .startsWith("SAMARKAND, Uzbekistan —")
                .doesNotContain("Last Update", "Latest News", "Most Read Articles", "Sunday 24th of September 2023")
                // subheadings inside the story stay
                .contains("\n\nTight security, empty streets\n\n")
                .endsWith("a “clear provocation”.");
        assertThat(clean.publishedAt()).isEqualTo(Instant.parse("2023-09-24T00:00:00Z"));
    }

    @Test
    void scrapedPageOfTheSameLayoutYieldsHeadlineAndStoryWithoutFurniture() {
        CleanText clean = cleaner.clean(Seeds.ours("baltic-summit.txt"), null);

        assertThat(clean.title()).isEqualTo("Poland, Lithuania seal port security pact in challenge to Moscow");
        assertThat(clean.body())
                .startsWith("GDANSK, Poland —")
                .doesNotContain("Last Update", "Latest News", "Most Read Articles", "Tuesday 14th of May 2024")
                .contains("\n\nCranes idle, quays closed\n\n", "\n\n‘One coast’ doctrine\n\n")
                .endsWith("a “clear escalation”.");
        assertThat(clean.publishedAt()).isEqualTo(Instant.parse("2024-05-14T00:00:00Z"));
    }

    @Test
    void navigationBylineAndClosingMatterOfAnotherLayoutAreDropped() {
        String page = """
                Daily Gazette
                Home | World | Business | Sport
                Skip to content
                Updated: March 3, 2024 10:45 GMT
                Storm floods coastal towns as rivers burst their banks
                By Jane Doe
                Residents of three coastal towns were evacuated on Saturday after heavy rain caused rivers to burst.
                Advertisement
                Emergency services said more than 200 homes had been flooded and roads remained closed.
                * Share on Twitter
                Related Stories
                Drought warnings issued across the region as reservoirs fall to new lows this summer.
                """;

        CleanText clean = cleaner.clean(page, null);

        assertThat(clean.title()).isEqualTo("Storm floods coastal towns as rivers burst their banks");
        assertThat(clean.byline()).isEqualTo("Jane Doe");
        assertThat(clean.publishedAt()).isEqualTo(Instant.parse("2024-03-03T00:00:00Z"));
        assertThat(clean.body()).isEqualTo("""
                Residents of three coastal towns were evacuated on Saturday after heavy rain caused rivers to burst.

                Emergency services said more than 200 homes had been flooded and roads remained closed.""");
    }

    @Test
    void trailingShortHeadingsWithoutKnownWordsAreDroppedToo() {
        String page = """
                Council approves new budget for city parks and libraries
                The city council approved a budget on Monday that doubles spending on parks and libraries next year.
                Opinion
                Sport
                """;

        assertThat(cleaner.clean(page, null).body())
                .isEqualTo("The city council approved a budget on Monday that doubles spending on parks and libraries next year.");
    }

    @Test
    void hardWrappedLinesAreJoinedIntoTheirParagraph() {
        String text = """
                Officials said the talks would continue next week, although
                several issues remained unresolved after a long day of negotiation in the capital.
                """;

        assertThat(PlainTextCleaner.paragraphs(text)).containsExactly(
                "Officials said the talks would continue next week, although several issues remained unresolved "
                        + "after a long day of negotiation in the capital.");
    }

    @Test
    void feedTitleWinsAndItsRepetitionLeavesTheText() {
        String text = """
                Rates held steady
                The central bank kept its main interest rate unchanged on Thursday, citing stubborn inflation in services.
                """;

        CleanText clean = cleaner.clean(text, "Central bank holds rates");

        assertThat(clean.title()).isEqualTo("Central bank holds rates");
        assertThat(clean.body()).startsWith("The central bank kept");
    }

    @Test
    void shortTextWithoutProseKeepsItsLinesButNotItsFurniture() {
        CleanText clean = cleaner.clean("Breaking: quake hits coast\nAdvertisement\nMore soon", null);

        assertThat(clean.title()).isNull();
        assertThat(clean.body()).isEqualTo("Breaking: quake hits coast\n\nMore soon");
    }
}
