package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.Dateline;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.language.LanguageIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnricherTest {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00.123Z");
    static final Instant INGESTED = Instant.parse("2024-05-01T11:59:59.000Z");
    private final Enricher enricher = new Enricher(Clock.fixed(NOW, ZoneOffset.UTC), LanguageIdentifier.shared());

    /** A native feed article as ingest-service puts it on the raw topic. */
    static RawArticle feedArticle(String id, String body) {
        return RawArticle.builder()
                .id(id).source("wire").guid("urn:wire:" + id).version(7).contentType("application/json")
                .title("Storm floods coastal towns").body(body).url("https://example.test/" + id).byline("Jane Doe")
                .publishedAt(Instant.parse("2024-05-01T09:00:00Z"))
                .subjects(List.of("weather", "Weather", " floods ")).people(List.of("Jane Roe", "jane roe"))
                .places(List.of("Kent"))
                .urgency(3).pubstatus(PubStatus.USABLE).ingestedAt(INGESTED)
                .build();
    }

    @Test
    void feedArticleIsEnrichedWhole() {
        String body = "DOVER, England — Residents of three coastal towns were evacuated on Saturday after heavy rain.\n"
                + "Emergency services said more than 200 homes had been flooded and roads remained closed.";

        EnrichedArticle article = enricher.enrich(feedArticle("a1", body));

        assertThat(article).isEqualTo(EnrichedArticle.builder()
                .id("a1").source("wire").guid("urn:wire:a1").version(7).url("https://example.test/a1")
                .title("Storm floods coastal towns")
                .body("DOVER, England — Residents of three coastal towns were evacuated on Saturday after heavy rain.\n\n"
                        + "Emergency services said more than 200 homes had been flooded and roads remained closed.")
                .byline("Jane Doe").language("en").dateline(new Dateline("Dover, England", "DOVER, England —"))
                .publishedAt(Instant.parse("2024-05-01T09:00:00Z")).ingestedAt(INGESTED).enrichedAt(NOW)
                // The feed's entities first, then those the tagger found in the text.
                .people(List.of("Jane Roe")).organizations(List.of()).places(List.of("Kent", "DOVER", "England"))
                .topics(List.of("weather"))
                .keywords(article.keywords())
                .subjects(List.of("weather", "floods")).wordCount(28).pubstatus(PubStatus.USABLE).urgency(3)
                .build());
        assertThat(article.keywords()).startsWith("coastal towns").contains("Residents", "evacuated");
    }

    @Test
    void scrapedPlainTextIsCleanedAndTagged() {
        RawArticle raw = scraped("s1", Seeds.read("000_2d81de492a64ddc8.txt"));

        EnrichedArticle article = enricher.enrich(raw);

        assertThat(article.title()).isEqualTo("Putin, Xi meet for high-stakes talks in challenge to West");
        assertThat(article.body()).startsWith("SAMARKAND, Uzbekistan —").doesNotContain("Latest News");
        assertThat(article.dateline()).isEqualTo(new Dateline("Samarkand, Uzbekistan", "SAMARKAND, Uzbekistan —"));
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2023-09-24T00:00:00Z"));
        assertThat(article.keywords()).contains("Xi", "Putin");
        assertThat(article.topics()).contains("politics");
        assertThat(article.wordCount()).isBetween(700, 800);
        assertThat(article.pubstatus()).isEqualTo(PubStatus.USABLE);
    }

    @Test
    void scrapedPlainTextOfOurOwnIsCleanedAndTagged() {
        RawArticle raw = scraped("s2", Seeds.ours("baltic-summit.txt"));

        EnrichedArticle article = enricher.enrich(raw);

        assertThat(article.title()).isEqualTo("Poland, Lithuania seal port security pact in challenge to Moscow");
        assertThat(article.body()).startsWith("GDANSK, Poland —").doesNotContain("Latest News");
        assertThat(article.dateline()).isEqualTo(new Dateline("Gdansk, Poland", "GDANSK, Poland —"));
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-05-14T00:00:00Z"));
        assertThat(article.keywords()).contains("Wierzbicki", "Baltic Ports Council");
        assertThat(article.topics()).contains("politics");
        assertThat(article.wordCount()).isBetween(800, 850);
        assertThat(article.pubstatus()).isEqualTo(PubStatus.USABLE);
    }

    @Test
    void htmlPageIsReadForTitleTextAndLanguage() {
        String html = "<html><head><title>Le conseil adopte le budget - Gazette</title></head><body><main>"
                + "<p>Le conseil municipal a adopté lundi le budget de la ville après un long débat animé.</p>"
                + "</main></body></html>";
        RawArticle raw = page("h1", html).toBuilder().versionCreatedAt(Instant.parse("2024-04-30T08:00:00Z")).build();

        EnrichedArticle article = enricher.enrich(raw);

        assertThat(article.title()).isEqualTo("Le conseil adopte le budget");
        assertThat(article.body()).isEqualTo("Le conseil municipal a adopté lundi le budget de la ville après un long débat animé.");
        assertThat(article.language()).isEqualTo("fr");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-04-30T08:00:00Z"));
    }

    @Test
    void aPageTooShortToDetectTakesItsDeclaredLanguage() {
        String html = "<html lang=\"nl-BE\"><body><p>Kort.</p></body></html>";
        RawArticle raw = page("h2", html);

        assertThat(enricher.enrich(raw).language()).isEqualTo("nl");
    }

    @Test
    void feedLanguageWinsAndIsNormalized() {
        RawArticle raw = feedArticle("l1", "Ein kurzer Text, der eigentlich auf Deutsch geschrieben ist.").toBuilder()
                .language("en-GB").build();

        assertThat(enricher.enrich(raw).language()).isEqualTo("en");
    }

    @Test
    void tooShortTextWithoutFeedLanguageHasNone() {
        RawArticle raw = feedArticle("l2", "Ok.").toBuilder().title("Hi").build();

        assertThat(enricher.enrich(raw).language()).isNull();
    }

    @Test
    void htmlBodyOfAFeedArticleBecomesText() {
        RawArticle raw = RawArticle.builder().id("f1").source("wire").guid("g").version(1)
                .contentType("application/vnd.iptc.ninjs+json").title("Title")
                .bodyHtml("<p>First paragraph.</p><p>Second paragraph.</p>").ingestedAt(INGESTED).build();

        assertThat(enricher.enrich(raw).body()).isEqualTo("First paragraph.\n\nSecond paragraph.");
    }

    @Test
    void titleFallsBackToTheOpeningOfTheBody() {
        RawArticle raw = feedArticle("t1", "A short note without a headline.").toBuilder().title(null).build();

        assertThat(enricher.enrich(raw).title()).isEqualTo("A short note without a headline.");
    }

    @Test
    void articleWithoutTextOrIdIsRejected() {
        assertThatThrownBy(() -> enricher.enrich(feedArticle("e1", "  ")))
                .isInstanceOf(EnrichmentException.class).hasMessageContaining("no text");
        assertThatThrownBy(() -> enricher.enrich(feedArticle(null, "Some text.")))
                .isInstanceOf(EnrichmentException.class).hasMessageContaining("no id");
    }

    /** A scraped page's text as ingest-service puts it on the raw topic. */
    private static RawArticle scraped(String id, String text) {
        return RawArticle.builder().id(id).source("scraper").guid("g").version(1)
                .contentType("text/plain; charset=utf-8").body(text).ingestedAt(INGESTED).build();
    }

    /** A web page as ingest-service puts it on the raw topic. */
    private static RawArticle page(String id, String html) {
        return RawArticle.builder().id(id).source("web").guid("g").version(1).contentType("text/html").bodyHtml(html)
                .ingestedAt(INGESTED).build();
    }
}
