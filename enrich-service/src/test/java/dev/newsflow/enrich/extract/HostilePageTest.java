package dev.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pages built to hurt: each must come back with its text, without a stack overflow or a stall. */
class HostilePageTest {

    private final PageExtractor extractor = new PageExtractor();

    @Test
    void hundredThousandNestedDivs() {
        String page = "<html><body>" + "<div>".repeat(100_000)
                + "<p>The story sits at the bottom of a very deep page, where only a linear walk finds it.</p>"
                + "</div>".repeat(100_000) + "</body></html>";

        assertThat(extractor.extract(page).body())
                .isEqualTo("The story sits at the bottom of a very deep page, where only a linear walk finds it.");
    }

    @Test
    void nestingJustPastReadabilitysLimitStillGivesTheStory() {
        int depth = ReadabilityBody.MAX_DEPTH + 10;
        String page = "<html><body><nav><a href=/>Home</a></nav>" + "<div>".repeat(depth)
                + "<p>A story nested deeper than any real page still comes out through the density fallback.</p>"
                + "</div>".repeat(depth) + "</body></html>";

        assertThat(extractor.extract(page).body())
                .isEqualTo("A story nested deeper than any real page still comes out through the density fallback.");
    }

    @Test
    void fourMebibytePage() {
        String paragraph = "<p>Paragraph %d of a very long report on the harbour works, with enough words to be prose.</p>";
        StringBuilder page = new StringBuilder("<html><body><article>");
        for (int i = 0; page.length() < 4 * 1024 * 1024; i++) {
            page.append(paragraph.formatted(i));
        }
        page.append("</article></body></html>");

        ExtractedPage extracted = extractor.extract(page.toString());

        assertThat(extracted.paragraphs()).hasSizeGreaterThan(40_000);
        assertThat(extracted.paragraphs().getFirst()).startsWith("Paragraph 0 of");
    }

    @Test
    void hundredThousandLinesOfText() {
        String lines = "A line of plain text in a page that is nothing but one huge block of lines.<br>\n".repeat(100_000);

        ExtractedPage extracted = extractor.extract("<html><body><pre>" + lines + "</pre></body></html>");

        assertThat(extracted.body().lines().filter(l -> l.startsWith("A line of plain text")).count()).isEqualTo(100_000);
    }

    @Test
    void deeplyNestedJsonLdIsIgnored() {
        String json = "[".repeat(5_000) + "]".repeat(5_000);
        String page = "<html><head><script type=application/ld+json>" + json + "</script></head>"
                + "<body><p>The story of the day is short but it is there for anyone to read.</p></body></html>";

        assertThat(extractor.extract(page).body()).isEqualTo("The story of the day is short but it is there for anyone to read.");
    }

    @Test
    void runsOfSpacesAndUnclosedTags() {
        String page = "<html><body><p>Storm" + " ".repeat(6_000) + "warning" + "<b><i><u>".repeat(20_000) + " issued.";

        assertThat(extractor.extract(page).body()).isEqualTo("Storm warning issued.");
    }
}
