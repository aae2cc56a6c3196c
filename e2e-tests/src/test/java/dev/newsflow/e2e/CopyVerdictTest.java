package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CopyVerdictTest {

    private static StoryCopy copy(String id, String originalId) {
        return new StoryCopy(originalId, new FeedRequest(ArticleStream.JSON, "{}",
                List.of(new Submission(id, "g-" + id, 1, false))), Duration.ofSeconds(5));
    }

    @Test
    void everyIndexedCopyNamingItsOriginalHolds() {
        CopyVerdict verdict = CopyVerdict.of(List.of(copy("c1", "o1"), copy("c2", "o2")),
                Set.of("c1", "c2", "o1", "o2", "x"), Map.of("c1", "o1", "c2", "o2"));

        assertThat(verdict.holds()).as(verdict.describe()).isTrue();
        assertThat(verdict.indexed()).isEqualTo(2);
        assertThat(verdict.flagged()).isEqualTo(2);
        assertThat(verdict.others()).isZero();
    }

    @Test
    void aCopyNamingNothingOrAnotherStoryAndAFlaggedOriginalAreWrong() {
        CopyVerdict verdict = CopyVerdict.of(List.of(copy("c1", "o1"), copy("c2", "o2"), copy("c3", "o3")),
                Set.of("c1", "c2", "c3", "o1", "o2", "o3", "x"), Map.of("c2", "x", "o3", "c3"));

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.flagged()).isZero();
        assertThat(verdict.wrong()).containsExactly("copy c1 of o1 names no original", "copy c2 of o2 names x",
                "original o3 flagged as a copy of c3", "copy c3 of o3 names no original");
    }

    @Test
    void aCopyNotIndexedIsNotCountedAndOtherFlaggedStoriesAreOnlyCounted() {
        CopyVerdict verdict = CopyVerdict.of(List.of(copy("c1", "o1"), copy("c2", "o2")),
                Set.of("c1", "o1", "o2", "y", "z"), Map.of("c1", "o1", "z", "y"));

        assertThat(verdict.holds()).as(verdict.describe()).isTrue();
        assertThat(verdict.sent()).isEqualTo(2);
        assertThat(verdict.indexed()).isEqualTo(1);
        assertThat(verdict.others()).isEqualTo(1);
    }
}
