package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.Dateline;
import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.PubStatus;
import dev.newsflow.core.RawArticle;
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
        return new RawArticle(id, "wire", "urn:wire:" + id, 7, "application/json",
                "Storm floods coastal towns", body, null, "https://example.test/" + id, null, "Jane Doe",
                Instant.parse("2024-05-01T09:00:00Z"), null, null, null,
                List.of("weather", "Weather", " floods "), List.of("Jane Roe", "jane roe"), List.of(),
                List.of("Kent"), null, null, 3, PubStatus.USABLE, INGESTED);
    }

    @Test
    void feedArticleIsEnrichedWhole() {
        String body = "DOVER, England — Residents of three coastal towns were evacuated on Saturday after heavy rain.\n"
                + "Emergency services said more than 200 homes had been flooded and roads remained closed.";

        EnrichedArticle article = enricher.enrich(feedArticle("a1", body));

        assertThat(article).isEqualTo(new EnrichedArticle(
                "a1", "wire", "urn:wire:a1", 7, "https://example.test/a1",
                "Storm floods coastal towns",
                "DOVER, England — Residents of three coastal towns were evacuated on Saturday after heavy rain.\n\n"
                        + "Emergency services said more than 200 homes had been flooded and roads remained closed.",
                "Jane Doe", "en", new Dateline("Dover, England", "DOVER, England —"),
                Instant.parse("2024-05-01T09:00:00Z"), INGESTED, NOW, null,
                // The feed's entities first, then those the tagger found in the text.
                List.of("Jane Roe"), List.of(), List.of("Kent", "DOVER", "England"), List.of("weather"),
                article.keywords(),
                List.of("weather", "floods"), 28, null, PubStatus.USABLE, 3));
        assertThat(article.keywords()).startsWith("coastal towns").contains("Residents", "evacuated");
    }

    @Test
    void scrapedPlainTextIsCleanedAndTagged() {
        RawArticle raw = new RawArticle("s1", "scraper", "g", 1, "text/plain; charset=utf-8", null,
                Seeds.read("000_2d81de492a64ddc8.txt"), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, INGESTED);

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
        RawArticle raw = new RawArticle("s2", "scraper", "g", 1, "text/plain; charset=utf-8", null,
                Seeds.ours("baltic-summit.txt"), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, INGESTED);

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
        RawArticle raw = new RawArticle("h1", "web", "g", 1, "text/html", null, null, html, null, null, null,
                null, null, Instant.parse("2024-04-30T08:00:00Z"), null, null, null, null, null, null, null, null, null, INGESTED);

        EnrichedArticle article = enricher.enrich(raw);

        assertThat(article.title()).isEqualTo("Le conseil adopte le budget");
        assertThat(article.body()).isEqualTo("Le conseil municipal a adopté lundi le budget de la ville après un long débat animé.");
        assertThat(article.language()).isEqualTo("fr");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2024-04-30T08:00:00Z"));
    }

    @Test
    void aPageTooShortToDetectTakesItsDeclaredLanguage() {
        String html = "<html lang=\"nl-BE\"><body><p>Kort.</p></body></html>";
        RawArticle raw = new RawArticle("h2", "web", "g", 1, "text/html", null, null, html, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, INGESTED);

        assertThat(enricher.enrich(raw).language()).isEqualTo("nl");
    }

    @Test
    void feedLanguageWinsAndIsNormalized() {
        RawArticle raw = withLanguage(feedArticle("l1", "Ein kurzer Text, der eigentlich auf Deutsch geschrieben ist."), "en-GB");

        assertThat(enricher.enrich(raw).language()).isEqualTo("en");
    }

    @Test
    void tooShortTextWithoutFeedLanguageHasNone() {
        RawArticle raw = withTitle(feedArticle("l2", "Ok."), "Hi");

        assertThat(enricher.enrich(raw).language()).isNull();
    }

    @Test
    void htmlBodyOfAFeedArticleBecomesText() {
        RawArticle raw = new RawArticle("f1", "wire", "g", 1, "application/vnd.iptc.ninjs+json", "Title", null,
                "<p>First paragraph.</p><p>Second paragraph.</p>", null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, INGESTED);

        assertThat(enricher.enrich(raw).body()).isEqualTo("First paragraph.\n\nSecond paragraph.");
    }

    @Test
    void titleFallsBackToTheOpeningOfTheBody() {
        RawArticle raw = withTitle(feedArticle("t1", "A short note without a headline."), null);

        assertThat(enricher.enrich(raw).title()).isEqualTo("A short note without a headline.");
    }

    @Test
    void articleWithoutTextOrIdIsRejected() {
        assertThatThrownBy(() -> enricher.enrich(feedArticle("e1", "  ")))
                .isInstanceOf(EnrichmentException.class).hasMessageContaining("no text");
        assertThatThrownBy(() -> enricher.enrich(feedArticle(null, "Some text.")))
                .isInstanceOf(EnrichmentException.class).hasMessageContaining("no id");
    }

    private static RawArticle withLanguage(RawArticle r, String language) {
        return new RawArticle(r.id(), r.source(), r.guid(), r.version(), r.contentType(), r.title(), r.body(),
                r.bodyHtml(), r.url(), language, r.byline(), r.publishedAt(), r.firstCreatedAt(), r.versionCreatedAt(),
                r.embargoedUntil(), r.subjects(), r.people(), r.organizations(), r.places(), r.located(), r.dateline(),
                r.urgency(), r.pubstatus(), r.ingestedAt());
    }

    private static RawArticle withTitle(RawArticle r, String title) {
        return new RawArticle(r.id(), r.source(), r.guid(), r.version(), r.contentType(), title, r.body(),
                r.bodyHtml(), r.url(), r.language(), r.byline(), r.publishedAt(), r.firstCreatedAt(), r.versionCreatedAt(),
                r.embargoedUntil(), r.subjects(), r.people(), r.organizations(), r.places(), r.located(), r.dateline(),
                r.urgency(), r.pubstatus(), r.ingestedAt());
    }
}
