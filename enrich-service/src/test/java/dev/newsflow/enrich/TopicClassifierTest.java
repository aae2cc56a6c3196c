package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicClassifierTest {

    private static final TopicClassifier classifier = TopicClassifier.english();

    @Test
    void seedStoryIsAboutPolitics() {
        String text = Seeds.read("000_2d81de492a64ddc8.txt");

        assertThat(classifier.classify(null, text)).contains(NewsTopic.POLITICS).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void mostLikelyTopicComesFirstAndWeakerOnesFollow() {
        String body = "Thousands of nurses went on strike on Monday after pay talks broke down, the union said. "
                + "Hospitals cancelled operations and patients were asked to attend only in an emergency. "
                + "Union leaders said workers had seen their wages fall for a decade and the strike would go on.";

        assertThat(classifier.classify("Nurses strike over pay", body))
                .startsWith(NewsTopic.LABOUR).contains(NewsTopic.HEALTH);
    }

    @Test
    void headlineCountsMoreThanTheBody() {
        String body = "The figures were published on Tuesday.";

        assertThat(classifier.classify("Inflation falls as central bank holds rates", body))
                .containsExactly(NewsTopic.ECONOMY_BUSINESS_FINANCE);
        assertThat(classifier.classify(null, body)).isEmpty();
    }

    @Test
    void storyThatFitsNoTopicGetsNone() {
        assertThat(classifier.classify(null, "The meeting will take place on the second floor next Tuesday at ten.")).isEmpty();
        assertThat(classifier.classify("Corrections", "An earlier version of this page gave the wrong date.")).isEmpty();
        assertThat(classifier.classify(null, "")).isEmpty();
        assertThat(classifier.classify(null, null)).isEmpty();
    }

    @Test
    void oneStrongWordIsNotEnoughInALongStory() {
        String padding = " The statement was read out on Tuesday and will be discussed again next week.".repeat(8);

        assertThat(classifier.classify(null, "The election was mentioned." + padding)).isEmpty();
        assertThat(classifier.classify(null, "The election was mentioned.")).containsExactly(NewsTopic.POLITICS);
    }

    @Test
    void longestPhraseWinsOverItsWords() {
        assertThat(classifier.scores(null, "He suffered a heart attack.")).containsOnlyKeys(NewsTopic.HEALTH);
    }

    @Test
    void prefixTermsMatchInflectionsAndPossessivesAreDropped() {
        assertThat(classifier.scores(null, "The Kremlin's diplomats")).containsOnlyKeys(NewsTopic.POLITICS);
        assertThat(TopicClassifier.tokens("Kremlin’s EU-wide talks")).containsExactly("kremlin", "eu-wide", "talks");
    }

    @Test
    void atMostThreeTopics() {
        String body = "The election campaign, the war, the stock market, the football league final, the hospital strike "
                + "and the flood all made the news, along with the church, the school and the weather forecast of rain.";

        assertThat(classifier.classify(null, body)).hasSizeLessThanOrEqualTo(TopicClassifier.MAX_TOPICS);
    }

    @Test
    void explanationNamesTheTermsBehindEachScore() {
        assertThat(classifier.explain(null, "Troops shelled the town as the war entered its third year."))
                .startsWith("conflict-war").contains("troops×1", "war×1");
    }

    @Test
    void malformedLexiconFailsNamingTheLine() {
        assertThatThrownBy(() -> TopicLexicon.parse(List.of("[politics]", "3: vote", "[gardening]"), "test.txt"))
                .hasMessageContaining("test.txt:3").hasMessageContaining("gardening");
        assertThatThrownBy(() -> TopicLexicon.parse(List.of("[sport]", "3: a*"), "test.txt"))
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> TopicLexicon.parse(List.of("vote"), "test.txt"))
                .hasMessageContaining("test.txt:1");
    }

    @Test
    void termListedTwiceKeepsItsLargerWeight() {
        TopicClassifier small = new TopicClassifier(TopicLexicon.parse(List.of("[sport]", "1: goal", "3: goal"), "t"));

        assertThat(small.scores(null, "goal")).containsEntry(NewsTopic.SPORT, 3.0);
    }
}
