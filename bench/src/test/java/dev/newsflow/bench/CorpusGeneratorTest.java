package dev.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {

    @Test
    void theSameSeedGivesTheSameCorpus() {
        Corpus first = new CorpusGenerator(42).generate(300);
        Corpus second = new CorpusGenerator(42).generate(300);

        assertThat(second).isEqualTo(first);
        assertThat(second.json(123)).isEqualTo(first.json(123));
    }

    @Test
    void anotherSeedGivesAnotherCorpus() {
        assertThat(new CorpusGenerator(7).generate(50).articles())
                .isNotEqualTo(new CorpusGenerator(42).generate(50).articles());
    }

    @Test
    void originalsAreThreeHundredToFifteenHundredWordsWithNamesPlacesAndOrganisations() {
        Corpus corpus = new CorpusGenerator(42).generate(400);

        corpus.articles().stream().filter(a -> a.kind() == CorpusArticle.Kind.ORIGINAL).forEach(a -> {
            assertThat(CorpusGenerator.wordCount(a.body())).isBetween(CorpusGenerator.MIN_WORDS, CorpusGenerator.MAX_WORDS);
            assertThat(Vocabulary.PEOPLE).anyMatch(a.body()::contains);
            assertThat(Vocabulary.PLACES).anyMatch(a.body()::contains);
            assertThat(Vocabulary.ORGANIZATIONS).anyMatch(a.body()::contains);
        });
    }

    @Test
    void aShareAreNearDuplicatesAndUpdatesOfEarlierStories() {
        Corpus corpus = new CorpusGenerator(42).generate(2000);

        assertThat(corpus.count(CorpusArticle.Kind.NEAR_DUPLICATE)).isBetween(100L, 220L);
        assertThat(corpus.count(CorpusArticle.Kind.UPDATE)).isBetween(50L, 150L);
        for (int i = 0; i < corpus.size(); i++) {
            CorpusArticle article = corpus.articles().get(i);
            if (article.kind() == CorpusArticle.Kind.UPDATE) {
                int at = i;
                // An update repeats an earlier guid with a higher version and the earlier text as its start.
                assertThat(corpus.articles().subList(0, at)).anySatisfy(earlier -> {
                    assertThat(earlier.guid()).isEqualTo(article.guid());
                    assertThat(article.version()).isGreaterThan(earlier.version());
                    assertThat(article.body()).startsWith(earlier.body());
                });
            }
        }
    }

    @Test
    void jsonIsTheNativeArticleFormatWithoutBookkeeping() throws Exception {
        Corpus corpus = new CorpusGenerator(1).generate(3);

        JsonNode json = Json.mapper().readTree(corpus.json(0));
        assertThat(json.get("guid").asText()).isEqualTo("story-0");
        assertThat(json.get("version").asLong()).isEqualTo(1);
        assertThat(json.get("language").asText()).isEqualTo("en");
        assertThat(json.get("published_at").asText()).isEqualTo("2025-03-01T06:00:00.000Z");
        assertThat(json.has("kind")).isFalse();
    }

    @Test
    void ndjsonHoldsOneArticleALine() {
        Corpus corpus = new CorpusGenerator(1).generate(5);

        String[] lines = new String(corpus.ndjson(1, 4), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(Arrays.stream(lines).map(l -> l.getBytes(StandardCharsets.UTF_8)).toList())
                .containsExactly(corpus.json(1), corpus.json(2), corpus.json(3));
    }

    @Test
    void wordsAreRunsOfNonSpace() {
        assertThat(CorpusGenerator.wordCount("  one two\n\nthree ")).isEqualTo(3);
        assertThat(CorpusGenerator.wordCount("")).isZero();
    }
}
