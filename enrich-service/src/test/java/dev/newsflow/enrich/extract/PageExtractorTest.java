package dev.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageExtractorTest {

    private final PageExtractor extractor = new PageExtractor();

    /** A story of a few long paragraphs, so that every extractor recognises it as one. */
    private static final String STORY = """
            <p>The harbour authority said on Tuesday that the new breakwater would be finished by the spring,
            two years later than planned, after storms damaged the first section twice last winter.</p>
            <p>Engineers have since changed the design, using heavier concrete blocks and a wider base, which
            the authority says will protect the fishing fleet against waves of up to nine metres.</p>
            <p>Local fishermen welcomed the news but said the delay had already cost them a season, and asked
            the council to waive the mooring fees until the work is complete and the harbour is safe again.</p>
            """;

    @Test
    void keepsTheStoryAndDropsNavigationShareBarsAndRelatedLists() {
        String page = "<html><head><title>Breakwater delayed again | Coast Herald</title></head><body>"
                + "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li><li><a href=/sport>Sport</a></li></ul></nav>"
                + "<div class=content><h1>Breakwater delayed again</h1>"
                + "<ul class=share><li><a href=/s/fb>Share on Facebook</a></li><li><a href=/s/tw>Share on Twitter</a></li></ul>"
                + STORY
                + "<h3>Related stories</h3><ul><li><a href=/a>Council approves new ferry timetable for the summer</a></li>"
                + "<li><a href=/b>Lifeboat crew rescues two walkers cut off by the tide</a></li></ul>"
                + "</div><footer>© Coast Herald</footer></body></html>";

        ExtractedPage extracted = extractor.extract(page);

        assertThat(extracted.paragraphs()).hasSize(3);
        assertThat(extracted.paragraphs().getFirst()).startsWith("The harbour authority said on Tuesday");
        assertThat(extracted.body()).doesNotContain("Share on", "Home", "ferry timetable", "Coast Herald");
    }

    @Test
    void dropsTheReadersCommentThread() {
        String page = "<html><body class='single comments-open'><div class=post>" + STORY + "</div>"
                + "<div id=comments><h3>12 responses</h3><div class=comment><p>I have lived by this harbour for forty"
                + " years and I have never seen the council finish anything on time, so I am not surprised at all.</p></div>"
                + "<div class=comment><p>The fishermen deserve better than this, and the council should pay for the"
                + " lost season out of its own reserves instead of raising the fees again next year.</p></div></div>"
                + "</body></html>";

        String body = extractor.extract(page).body();

        assertThat(body).startsWith("The harbour authority").doesNotContain("forty years", "lost season");
    }

    @Test
    void takesTheJsonLdArticleBodyWhenThePageShowsTheSameWords() {
        String page = "<html><head><title>Breakwater delayed | Coast Herald</title>"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"Breakwater delayed again\",\"articleBody\":\"The harbour authority said on Tuesday that the new"
                + " breakwater would be finished by the spring, two years later than planned, after storms damaged the first"
                + " section twice last winter.\\nEngineers have since changed the design, using heavier concrete blocks and a"
                + " wider base, which the authority says will protect the fishing fleet against waves of up to nine metres.\\n"
                + "Local fishermen welcomed the news but said the delay had already cost them a season, and asked the council"
                + " to waive the mooring fees until the work is complete and the harbour is safe again.\"}"
                + "</script></head><body><article>" + STORY
                + "<p class=caption>Photo: the damaged section of the breakwater seen from the harbour wall in January of this year</p>"
                + "</article></body></html>";

        ExtractedPage extracted = extractor.extract(page);

        assertThat(extracted.paragraphs()).hasSize(3);
        assertThat(extracted.paragraphs().get(1)).startsWith("Engineers have since changed the design");
        assertThat(extracted.body()).doesNotContain("Photo:");
    }

    @Test
    void behindAPaywallTheJsonLdStoryReplacesTheTeaser() {
        String opening = "The harbour authority said on Tuesday that the new breakwater would be finished by the spring,"
                + " two years later than planned, after storms damaged the first section twice last winter.";
        String page = "<html><head><script type=application/ld+json>{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":false,"
                + "\"articleBody\":\"" + opening + "\\nEngineers have since changed the design, using heavier concrete blocks"
                + " and a wider base, which the authority says will protect the fishing fleet against waves of up to nine"
                + " metres.\\nLocal fishermen welcomed the news but said the delay had already cost them a season.\"}</script>"
                + "</head><body><article><p>" + opening + "</p><div class=paywall><p>Subscribe to read the full story.</p>"
                + "</div></article></body></html>";

        ExtractedPage extracted = extractor.extract(page);

        assertThat(extracted.paragraphs()).hasSize(3);
        assertThat(extracted.body()).doesNotContain("Subscribe");
    }

    @Test
    void ignoresAJsonLdArticleBodyThePageDoesNotShow() {
        String page = "<html><head><script type=\"application/ld+json\">[{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore"
                + " magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo"
                + " consequat duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla"
                + " pariatur excepteur sint occaecat cupidatat non proident sunt in culpa qui officia deserunt\"}]"
                + "</script></head><body><article>" + STORY + "</article></body></html>";

        assertThat(extractor.extract(page).body()).startsWith("The harbour authority").doesNotContain("Lorem");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Breakwater delayed again | Coast Herald;                       ;Breakwater delayed again",
            "Coast Herald - Breakwater delayed again;         Coast Herald  ;Breakwater delayed again",
            "Breakwater delayed again - Local News - Coast Herald;          ;Breakwater delayed again",
            "Breakwater delayed again » News » Coast Herald;                ;Breakwater delayed again",
            "CoastHerald.com: Breakwater delayed again;                     ;Breakwater delayed again",
            "Breakwater delayed again_News_Coast Herald;                    ;Breakwater delayed again",
            "Iran: who is threatening whom?;                                ;Iran: who is threatening whom?",
            "Judge rules - and the city must pay - in harbour dispute;      ;Judge rules - and the city must pay - in harbour dispute"})
    void headlineLosesTheSiteAndSectionNames(String title, String siteName, String headline) {
        String page = "<html><head><title>" + title + "</title>"
                + (siteName == null ? "" : "<meta property=og:site_name content='" + siteName + "'>")
                + "</head><body><article>" + STORY + "</article></body></html>";

        assertThat(extractor.extract(page).title()).isEqualTo(headline);
    }

    @Test
    void theSiteIsKnownByItsHomeLink() {
        String page = "<html><head><title>Harbour Watch: Breakwater delayed again</title></head><body>"
                + "<a href='https://www.example.org/'><img src=logo.png alt='Harbour Watch'></a>"
                + "<article>" + STORY + "</article></body></html>";

        assertThat(extractor.extract(page).title()).isEqualTo("Breakwater delayed again");
    }

    @Test
    void aSiteTaglineInTheTitleGivesWayToThePartTheStorySpeaksOf() {
        String page = "<html><head><title>Coast Herald - Your Daily Guide to the Western Isles Weather"
                + " - Fishermen lose season to harbour delay</title></head><body><article>" + STORY
                + "</article></body></html>";

        assertThat(extractor.extract(page).title()).isEqualTo("Fishermen lose season to harbour delay");
    }

    @Test
    void headlineIsTheH1ThatAgreesWithTheTitle() {
        String page = "<html><head><title>Breakwater delayed | Coast Herald</title></head><body>"
                + "<div class=logo><h1>Coast Herald</h1></div><article><h1>Breakwater delayed</h1>" + STORY
                + "</article></body></html>";

        ExtractedPage extracted = extractor.extract(page);

        assertThat(extracted.title()).isEqualTo("Breakwater delayed");
        assertThat(extracted.body()).doesNotStartWith("Breakwater delayed");
    }

    @Test
    void aTitleNamingOnlyTheSiteGivesWayToTheStorysH1() {
        String page = "<html><head><title>Coast Herald Online</title></head><body>"
                + "<article><h1>New breakwater delayed by winter storms</h1>" + STORY + "</article></body></html>";

        assertThat(extractor.extract(page).title()).isEqualTo("New breakwater delayed by winter storms");
    }

    @Test
    void bylineAndDateComeFromJsonLd() {
        String page = "<html><head><meta name=author content='Web Desk'>"
                + "<script type=application/ld+json>{\"@graph\":[{\"@type\":\"WebPage\"},{\"@type\":[\"NewsArticle\"],"
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Meg James\"},{\"name\":\"Ali Khan\"}],"
                + "\"datePublished\":\"2024-05-02T08:30:00+02:00\"}]}</script>"
                + "</head><body><article>" + STORY + "</article></body></html>";

        ExtractedPage extracted = extractor.extract(page);

        assertThat(extracted.byline()).isEqualTo("Meg James and Ali Khan");
        assertThat(extracted.publishedAt()).isEqualTo(Instant.parse("2024-05-02T06:30:00Z"));
    }

    @Test
    void bylineAndDateFromMetaWhenThereIsNoJsonLd() {
        String page = "<html><head><meta property=article:published_time content=2024-05-02>"
                + "<meta name=author content='By Meg James'></head><body><article>" + STORY + "</article></body></html>";

        ExtractedPage extracted = extractor.extract(page);

        assertThat(extracted.byline()).isEqualTo("Meg James");
        assertThat(extracted.publishedAt()).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
    }

    @Test
    void languageIsThePagesDeclaredOne() {
        assertThat(extractor.extract("<html lang=de-AT><body><p>Kurz.</p></body></html>").language()).isEqualTo("de");
        assertThat(extractor.extract("<html><head><meta property=og:locale content=fr_FR></head><body>x</body></html>")
                .language()).isEqualTo("fr");
        assertThat(extractor.extract("<html lang='not a code'><body>x</body></html>").language()).isNull();
    }

    @Test
    void neighbouringBlocksAreNeverGluedTogether() {
        String page = "<html><body><article>" + STORY + "<div><div>Meg James</div><div>Staff writer</div></div>"
                + "<table><tr><td>Tide</td><td>High</td></tr></table></article></body></html>";

        String body = extractor.extract(page).body();

        assertThat(body).doesNotContain("JamesStaff", "TideHigh");
    }

    @Test
    void aPageWrappedInOneFormOfShortLinesStillYieldsItsText() {
        String page = "<html><body><form action=/x><table><tr><td><a href=/>Home</a></td></tr>"
                + "<tr><td><span>Ferry cancelled.</span><br><span>Storm warning for Friday.</span></td></tr>"
                + "</table></form></body></html>";

        assertThat(extractor.extract(page).body()).contains("Ferry cancelled.", "Storm warning for Friday.");
    }

    @Test
    void aPageWithoutVisibleTextFallsBackToItsDescription() {
        String page = "<html><head><meta name=description content='Ferry services are cancelled on Friday.'></head>"
                + "<body><script>render()</script></body></html>";

        assertThat(extractor.extract(page).body()).isEqualTo("Ferry services are cancelled on Friday.");
        assertThat(extractor.extract("").paragraphs()).isEmpty();
    }
}
