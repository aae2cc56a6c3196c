package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped model on short wire items written for this test and kept out of
 * {@code topic-examples.tsv}: a handful per broad class of the news wires (world and politics,
 * sport, business, science and technology) and a few of the fine topics.
 */
class TopicClassifierTest {

    private static final TopicClassifier classifier = TopicClassifier.english();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            politics | Finnish president dissolves parliament | The president called an early election for April after the ruling coalition split over the budget.
            politics | Ministers from 30 nations meet on refugee crisis | Foreign ministers gathered in Vienna on Monday to seek a common response to the flow of refugees, with Turkey and Greece at odds over border controls.
            politics | Opposition wins majority in Hungarian election | Hungary's opposition alliance won a majority in Sunday's parliamentary vote, according to official results.
            conflict-war | Rebels shell government-held town | Rebel artillery pounded the town overnight, killing at least nine civilians, the army said, as peace talks remained suspended.
            conflict-war | Two soldiers die in ambush near border | Two soldiers were killed and five wounded when militants ambushed their patrol near the border with Afghanistan.
            sport | Rooney double sinks Newcastle | Wayne Rooney scored twice in the second half as Manchester United came from behind to win 2-1 at St James' Park.
            sport | Sampras through to fourth round | Pete Sampras beat the Spanish qualifier in four sets to reach the fourth round at Flushing Meadows.
            sport | Cowboys cut veteran linebacker | The Dallas Cowboys released their veteran linebacker on Tuesday to free up room under the salary cap.
            sport | Sorenstam leads by three | Annika Sorenstam shot a 67 to take a three-stroke lead into the final round of the LPGA championship.
            economy-business-finance | Carmaker's profit falls 20 percent | The carmaker said third-quarter profit fell 20 percent as higher steel prices and weak sales in Europe squeezed margins.
            economy-business-finance | Shares in retailer slump on profit warning | Shares in the retailer fell 18 percent after it warned that full-year profit would miss forecasts because of weak Christmas trading.
            economy-business-finance | Brewer agrees to buy rival for $9 billion | The world's second-largest brewer agreed to buy its smaller rival in a deal worth $9 billion including debt.
            science-technology | Hubble spots water vapour on distant planet | Astronomers using the Hubble telescope detected water vapour in the atmosphere of a planet orbiting a red dwarf star.
            science-technology | Software maker fixes flaw in web browser | The company released a patch for a flaw in its web browser that could let attackers run code on a victim's computer.
            science-technology | Handheld console goes on sale in Japan | The new handheld games console went on sale in Tokyo on Sunday, with long queues outside electronics shops.
            health | Flu vaccine shortage worries doctors | Doctors warned that a shortage of flu vaccine could leave elderly patients unprotected this winter.
            disaster-accident | Quake rattles northern Chile | A magnitude 6.9 earthquake struck northern Chile, damaging homes and cutting power in several towns.
            crime-law-justice | Teenager charged over knife attack | A 16-year-old boy was charged with attempted murder after a man was stabbed outside a railway station.
            """)
    void heldOutWireItemGetsItsTopicFirst(String topic, String title, String body) {
        assertThat(classifier.classify(title, body)).first().isEqualTo(NewsTopic.ofId(topic));
    }

    @Test
    void textThatIsNotNewsGetsNone() {
        assertThat(classifier.classify("Sign in", "Enter your email address and password to continue. Forgot your password?")).isEmpty();
        assertThat(classifier.classify(null, "")).isEmpty();
        assertThat(classifier.classify(null, null)).isEmpty();
        assertThat(classifier.classify("  ", " ... -- !! ")).isEmpty();
    }

    @Test
    void atMostThreeTopicsTheMostLikelyFirst() {
        String body = "Nurses walked out of hospitals across the country on Monday after pay talks with the health "
                + "ministry broke down, the union said. Operations were cancelled.";

        assertThat(classifier.classify("Nurses strike over pay", body))
                .hasSizeBetween(1, TopicClassifier.MAX_TOPICS).containsAnyOf(NewsTopic.LABOUR, NewsTopic.HEALTH);
    }

    @Test
    void hostileInputCostsNoMoreThanItsStart() {
        String huge = " ".repeat(6_000) + "Stocks fell sharply on Wall Street. ".repeat(100_000);

        assertThat(classifier.classify("Markets", huge)).hasSizeLessThanOrEqualTo(TopicClassifier.MAX_TOPICS);
    }
}
