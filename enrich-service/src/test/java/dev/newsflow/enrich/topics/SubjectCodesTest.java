package dev.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectCodesTest {

    @ParameterizedTest
    @CsvSource({
            "medtop:11000000, politics",
            "MEDTOP:16000000, conflict-war",
            "http://cv.iptc.org/newscodes/mediatopic/04000000, economy-business-finance",
            "https://cv.iptc.org/newscodes/subjectcode/15000000/, sport",
            "subj:15054000, sport",
            "iptc:17000000, weather",
            "03000000, disaster-accident",
            "medtop:20000038, arts-culture-entertainment",
            "Politics, politics",
            "sports, sport",
            "'Economy, Business and Finance', economy-business-finance",
            "'unrest, conflicts and war', conflict-war",
            "'Arts & Entertainment', arts-culture-entertainment",
            "human-interest, human-interest",
            "labor, labour"})
    void subjectNamesItsTopLevelTopic(String subject, String topicId) {
        assertThat(SubjectCodes.topic(subject)).map(NewsTopic::id).contains(topicId);
    }

    @ParameterizedTest
    @CsvSource({"medtop:20000999", "medtop:99000000", "subj:00000000", "Kent", "breaking news", "1100000", "' '"})
    void unknownOrNarrowerCodesWithoutAKnownParentNameNothing(String subject) {
        assertThat(SubjectCodes.topic(subject)).isEmpty();
    }

    @Test
    void topicsKeepTheFeedOrderWithoutRepeats() {
        assertThat(SubjectCodes.topics(List.of("subj:15054000", "Kent", "medtop:11000000", "sport")))
                .containsExactly(NewsTopic.SPORT, NewsTopic.POLITICS);
    }

    @Test
    void everyTopicHasItsOwnTopLevelCode() {
        for (NewsTopic topic : NewsTopic.values()) {
            assertThat(SubjectCodes.topic("medtop:" + topic.iptcCode())).contains(topic);
        }
    }
}
