package dev.newsflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEveryUnitAndPlainMilliseconds() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
        assertThat(Durations.parse(" 30M ")).contains(Duration.ofMinutes(30));
        assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("7d")).contains(Duration.ofDays(7));
        assertThat(Durations.parse("1500")).contains(Duration.ofMillis(1500));
    }

    @Test
    void refusesWhatIsNoDuration() {
        assertThat(Durations.parse("")).isEmpty();
        assertThat(Durations.parse("-5s")).isEmpty();
        assertThat(Durations.parse("5 s")).isEmpty();
        assertThat(Durations.parse("5w")).isEmpty();
        assertThat(Durations.parse("999999999999999999d")).isEmpty();
    }
}
