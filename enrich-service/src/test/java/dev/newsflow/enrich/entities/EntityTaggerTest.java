package dev.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The real CRF model, loaded from the class path with none of CoreNLP's other dependencies present. */
class EntityTaggerTest {

    private final EntityTagger tagger = EntityTagger.shared();

    @Test
    void tagsPeopleOrganizationsAndPlacesWithTheirOffsets() {
        String text = "Chinese President Xi Jinping met Vladimir Putin in Samarkand, Uzbekistan.\nAFP reported the talks.";

        List<Mention> mentions = tagger.tag(text);

        assertThat(mentions).contains(
                new Mention(EntityType.PERSON, "Xi Jinping", 18, 28),
                new Mention(EntityType.PERSON, "Vladimir Putin", 33, 47),
                new Mention(EntityType.PLACE, "Samarkand", 51, 60),
                new Mention(EntityType.PLACE, "Uzbekistan", 62, 72),
                new Mention(EntityType.ORGANIZATION, "AFP", 74, 77));
        assertThat(mentions).allSatisfy(m -> assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text()));
    }

    @Test
    void hyphenatedWordsStayWholeAsInTheTrainingText() {
        List<Mention> mentions = tagger.tag("The Saudi-born financier left London on Monday.");

        assertThat(mentions).extracting(Mention::text).contains("London").doesNotContain("Saudi");
    }

    @Test
    void resultsDoNotDependOnWhatOtherThreadsTagged() throws Exception {
        List<String> texts = IntStream.range(0, 24).mapToObj(i -> switch (i % 3) {
            case 0 -> "Angela Merkel told the Bundestag in Berlin that Germany would act. belt " + i;
            case 1 -> "The Green Belt of Central Equatoria lies in South Sudan, said John Garang. " + i;
            default -> "Shares of Microsoft Corp rose in New York after Bill Gates spoke. " + i;
        }).toList();
        List<List<Mention>> alone = texts.stream().map(tagger::tag).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Mention>>> together = texts.stream().map(t -> pool.submit(() -> tagger.tag(t))).toList();
            for (int i = 0; i < texts.size(); i++) {
                assertThat(together.get(i).get()).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
