package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.newsflow.core.ProblemException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RelatedQueryTest {

    @Test
    void defaultsToFiveAndAcceptsUpToTen() {
        assertThat(RelatedQuery.parse("a1", Map.of())).isEqualTo(new RelatedQuery("a1", 5));
        assertThat(RelatedQuery.parse("a1", Map.of("size", List.of(" 10 ")))).isEqualTo(new RelatedQuery("a1", 10));
        assertThat(RelatedQuery.parse("a1", Map.of("size", List.of("1")))).isEqualTo(new RelatedQuery("a1", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "-1", "ten", "99999999999", "1.5"})
    void refusesSizesOutsideOneToTen(String size) {
        ProblemException e = catchThrowableOfType(ProblemException.class,
                () -> RelatedQuery.parse("a1", Map.of("size", List.of(size))));

        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().extensions()).containsEntry("parameter", "size");
        assertThat(e.problem().detail()).contains(size);
    }
}
