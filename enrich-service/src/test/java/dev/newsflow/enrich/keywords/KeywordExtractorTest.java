package dev.newsflow.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.Seeds;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

    private final KeywordExtractor extractor = new KeywordExtractor();

    @Test
    void mostFrequentTermsAndRepeatedPhrasesComeFirstAsWritten() {
        String body = """
                The European Central Bank raised rates again. Analysts said the European Central Bank would pause.
                Inflation in the eurozone stayed high, and inflation expectations rose. Markets fell on Friday.
                The European Central Bank meets again in June; inflation is the question for markets.""";

        assertThat(extractor.extract("ECB raises rates", body, "en"))
                .startsWith("European Central Bank", "inflation", "rates", "markets")
                .doesNotContain("European", "Central Bank", "the", "Friday", "said")
                .hasSizeLessThanOrEqualTo(KeywordExtractor.MAX_KEYWORDS);
    }

    @Test
    void seedStoryKeywordsNameItsSubject() {
        String text = Seeds.read("000_2d81de492a64ddc8.txt");

        assertThat(extractor.extract(null, text, "en"))
                .hasSize(KeywordExtractor.MAX_KEYWORDS)
                .contains("Xi", "Putin", "SCO", "Shanghai Cooperation Organisation", "Samarkand");
    }

    @Test
    void scrapedStoryKeywordsNameItsSubject() {
        String text = Seeds.ours("baltic-summit.txt");

        assertThat(extractor.extract(null, text, "en"))
                .hasSize(KeywordExtractor.MAX_KEYWORDS)
                .contains("Baltic Ports Council", "Wierzbicki", "Kairiene", "Gdansk", "port");
    }

    @Test
    void stopwordsOfTheArticleLanguageAreLeftOut() {
        assertThat(extractor.extract(null, "Die Regierung und die Opposition streiten über die Regierung.", "de"))
                .containsExactly("Regierung", "Opposition", "streiten");
    }

    @Test
    void pluralsAreOneTermAndPhrasesAcrossThemCount() {
        String body = "Gas prices rose again. The gas price cap will stay, ministers said. Prices are high.";

        assertThat(extractor.extract("Ministers keep gas price cap", body, "en"))
                .startsWith("gas price")
                .contains("ministers")
                .doesNotContain("Gas prices", "gas prices", "prices", "Prices", "price", "minister");
    }

    @Test
    void acronymsAndWordsEndingInSAreNotFolded() {
        assertThat(extractor.extract(null, "The SCO met. SCOs differ. Analysis and analyses, the bus and buses.", "en"))
                .contains("SCO", "SCOs", "Analysis", "bus");
    }

    @Test
    void headlineTermOutranksAnEquallyFrequentBodyTerm() {
        assertThat(extractor.extract("Harbour reopens", "The harbour and the lighthouse. The lighthouse and the harbour.", "en"))
                .startsWith("harbour", "lighthouse");
    }

    @Test
    void clausesEndAtPunctuationAndSpacedDashesButNotInsideWords() {
        assertThat(KeywordExtractor.clauses("Oil rose; gas fell - again (as feared) in mid-June\nwhile “rates”"))
                .containsExactly("Oil rose", " gas fell", "again ", "as feared", " in mid-June", "while ", "rates", "");
        assertThat(KeywordExtractor.clauses("no break here")).containsExactly("no break here");
    }

    @Test
    void noTextNoKeywords() {
        assertThat(extractor.extract(null, "", "en")).isEmpty();
    }
}
