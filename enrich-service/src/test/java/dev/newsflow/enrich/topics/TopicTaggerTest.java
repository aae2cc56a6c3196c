package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {

    private final TopicTagger tagger = TopicTagger.english();
    private final String warStory = "Troops shelled the town overnight as the war entered its third year, the army said.";

    @Test
    void feedSubjectsWinOverTheText() {
        assertThat(tagger.topics(List.of("medtop:15000000", "subj:11000000"), null, warStory, "en"))
                .containsExactly("sport", "politics");
    }

    @Test
    void textIsClassifiedWhenNoSubjectNamesATopic() {
        assertThat(tagger.topics(List.of("Kent", "medtop:20000999"), null, warStory, "en")).startsWith("conflict-war");
        assertThat(tagger.topics(List.of(), null, warStory, null)).startsWith("conflict-war");
    }

    @Test
    void atMostThreeFromTheFeedToo() {
        assertThat(tagger.topics(List.of("sport", "politics", "weather", "health"), null, "", "en"))
                .containsExactly("sport", "politics", "weather");
    }

    @Test
    void storyInAnotherLanguageIsNotGuessed() {
        assertThat(tagger.topics(List.of(), null, warStory, "fr")).isEmpty();
        assertThat(tagger.topics(List.of("politique", "medtop:11000000"), null, "Le parlement a voté.", "fr"))
                .containsExactly("politics");
    }
}
