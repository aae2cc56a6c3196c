package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.core.EnrichedArticle;
import dev.newsflow.core.RawArticle;
import dev.newsflow.enrich.language.LanguageIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The whole enrichment, real tagger included, on a scraped summit story: our own and the one in the shared seeds. */
class EntitiesOnSeedPageTest {

    private final Enricher enricher = new Enricher(Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC),
            LanguageIdentifier.shared());

    @Test
    void summitStoryNamesItsPeopleOrganizationsAndPlacesOnceEach() {
        RawArticle raw = scraped("s1", Seeds.read("000_2d81de492a64ddc8.txt"));

        EnrichedArticle article = enricher.enrich(raw);

        assertThat(article.people()).contains("Xi Jinping", "Vladimir Putin", "Shavkat Mirziyoyev", "Narendra Modi",
                "Recep Tayyip Erdogan", "Ebrahim Raisi", "Shehbaz Sharif", "Nancy Pelosi", "Yuri Ushakov")
                .doesNotContain("Putin", "Xi", "Modi", "Erdogan", "Pelosi");
        assertThat(article.organizations()).contains("Shanghai Cooperation Organisation", "NATO", "European Union", "AFP")
                .doesNotContain("SCO", "the European Union");
        assertThat(article.places()).contains("Samarkand", "Uzbekistan", "China", "Russia", "India", "Pakistan",
                "Kazakhstan", "Ukraine", "Taiwan")
                .doesNotContain("Chinese", "Russian", "Russia's");
        assertThat(article.people()).doesNotHaveDuplicates();
        assertThat(article.organizations()).doesNotHaveDuplicates();
        assertThat(article.places()).doesNotHaveDuplicates();
    }

    @Test
    void balticStoryNamesItsPeopleOrganizationsAndPlacesOnceEach() {
        RawArticle raw = scraped("s2", Seeds.ours("baltic-summit.txt"));

        EnrichedArticle article = enricher.enrich(raw);

        // Named in full once, by surname afterwards: the full name stands for both.
        assertThat(article.people()).contains("Tomasz Wierzbicki", "Andrzej Malinowski", "Arkady Lebedev",
                "Marek Zielinski", "Kaja Saar", "Mikael Lindqvist", "Petteri Halonen")
                .doesNotContain("Wierzbicki", "Lebedev", "Lindqvist");
        // The acronym defined in brackets is folded into the name it stands for.
        assertThat(article.organizations()).contains("Baltic Ports Council", "NATO", "European Union", "AFP")
                .doesNotContain("BPC", "the European Union");
        assertThat(article.places()).contains("Gdansk", "Poland", "Lithuania", "Latvia", "Estonia", "Finland",
                "Sweden", "Russia", "Kaliningrad", "Vilnius", "Klaipeda")
                .doesNotContain("Polish", "Lithuanian", "Russian", "Russia's", "Gdansk's");
        assertThat(article.people()).doesNotHaveDuplicates();
        assertThat(article.organizations()).doesNotHaveDuplicates();
        assertThat(article.places()).doesNotHaveDuplicates();
    }

    private static RawArticle scraped(String id, String text) {
        return RawArticle.builder().id(id).source("scraper").guid("g").version(1).contentType("text/plain").body(text)
                .build();
    }
}
