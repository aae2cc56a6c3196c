package dev.newsflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
                Set.of("c1", "c2", "o1", "o2", "x"), Map.of("c1", "o1", "c2", "o2"), Map.of());

        assertThat(verdict.holds()).as(verdict.describe()).isTrue();
        assertThat(verdict.indexed()).isEqualTo(2);
        assertThat(verdict.flagged()).isEqualTo(2);
        assertThat(verdict.others()).isZero();
    }

    @Test
    void aCopyNamingNothingOrAnotherStoryAndAFlaggedOriginalAreWrong() {
        CopyVerdict verdict = CopyVerdict.of(List.of(copy("c1", "o1"), copy("c2", "o2"), copy("c3", "o3")),
                Set.of("c1", "c2", "c3", "o1", "o2", "o3", "x"), Map.of("c2", "x", "o3", "c3"), Map.of());

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.flagged()).isZero();
        assertThat(verdict.wrong()).containsExactly("copy c1 of o1 names no original", "copy c2 of o2 names x",
                "original o3 flagged as a copy of c3", "copy c3 of o3 names no original");
    }

    @Test
    void aCopyNotIndexedIsNotCountedAndOtherFlaggedStoriesAreOnlyCounted() {
        CopyVerdict verdict = CopyVerdict.of(List.of(copy("c1", "o1"), copy("c2", "o2")),
                Set.of("c1", "o1", "o2", "y", "z"), Map.of("c1", "o1", "z", "y"), Map.of());

        assertThat(verdict.holds()).as(verdict.describe()).isTrue();
        assertThat(verdict.sent()).isEqualTo(2);
        assertThat(verdict.indexed()).isEqualTo(1);
        assertThat(verdict.others()).isEqualTo(1);
    }

    @Test
    void anOriginalEnrichedAfterItsCopyMayBeTheCopyOfItButNotOtherwise() {
        Instant t = Instant.parse("2026-12-07T04:24:27Z");
        // o1 reached enrich 35 s after its copy (its partition behind a killed instance); o2 came first and still lost.
        CopyVerdict verdict = CopyVerdict.of(List.of(copy("c1", "o1"), copy("c2", "o2")),
                Set.of("c1", "c2", "o1", "o2"), Map.of("o1", "c1", "o2", "c2"),
                Map.of("c1", t, "o1", t.plusSeconds(35), "c2", t, "o2", t.minusSeconds(10)));

        assertThat(verdict.reversed()).isEqualTo(1);
        assertThat(verdict.flagged()).isZero();
        assertThat(verdict.wrong()).containsExactly("original o2 flagged as a copy of c2", "copy c2 of o2 names no original");
        assertThat(verdict.holds()).isFalse();
    }
}
