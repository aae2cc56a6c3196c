package dev.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.core.ConfigException;
import dev.newsflow.core.Env;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestartScheduleTest {

    private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");

    private final RestartSchedule schedule = new RestartSchedule(Optional.of(Duration.ofSeconds(15)));

    @Test
    void aMemberIsDueOnceItHasBeenDownForThePause() {
        assertThat(schedule.due(List.of("kafka-2"), T0)).isEmpty();
        assertThat(schedule.due(List.of("kafka-2"), T0.plusSeconds(14))).isEmpty();
        assertThat(schedule.due(List.of("kafka-2"), T0.plusSeconds(15))).containsExactly("kafka-2");
    }

    @Test
    void eachMemberWaitsFromWhenItWasFirstSeenDown() {
        schedule.due(List.of("enrich-2"), T0);

        assertThat(schedule.due(List.of("enrich-2", "es-3"), T0.plusSeconds(10))).isEmpty();
        assertThat(schedule.due(List.of("enrich-2", "es-3"), T0.plusSeconds(15))).containsExactly("enrich-2");
        assertThat(schedule.due(List.of("enrich-2", "es-3"), T0.plusSeconds(25))).containsExactly("enrich-2", "es-3");
    }

    @Test
    void aMemberRunningAgainStartsAFreshPauseWhenItDiesAgain() {
        schedule.due(List.of("index-2"), T0);
        schedule.due(List.of(), T0.plusSeconds(20));

        assertThat(schedule.due(List.of("index-2"), T0.plusSeconds(30))).isEmpty();
        assertThat(schedule.due(List.of("index-2"), T0.plusSeconds(45))).containsExactly("index-2");
    }

    @Test
    void aFailedRestartIsTriedAgainAfterAnotherPause() {
        schedule.due(List.of("es-3"), T0);
        schedule.failed("es-3", T0.plusSeconds(100));

        assertThat(schedule.due(List.of("es-3"), T0.plusSeconds(110))).isEmpty();
        assertThat(schedule.due(List.of("es-3"), T0.plusSeconds(115))).containsExactly("es-3");
    }

    @Test
    void offNeverRestarts() {
        RestartSchedule off = RestartSchedule.fromEnv(new Env(Map.of(RestartSchedule.VARIABLE, "off")));

        assertThat(off.pause()).isEmpty();
        off.due(List.of("kafka-1"), T0);
        assertThat(off.due(List.of("kafka-1"), T0.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void thePauseIsReadFromTheEnvironmentWithFifteenSecondsByDefault() {
        assertThat(RestartSchedule.fromEnv(new Env(Map.of())).pause()).contains(Duration.ofSeconds(15));
        assertThat(RestartSchedule.fromEnv(new Env(Map.of(RestartSchedule.VARIABLE, "2m"))).pause())
                .contains(Duration.ofMinutes(2));
        assertThatThrownBy(() -> RestartSchedule.fromEnv(new Env(Map.of(RestartSchedule.VARIABLE, "soon"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining(RestartSchedule.VARIABLE).hasMessageContaining("off");
    }
}
