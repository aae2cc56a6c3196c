package dev.newsflow.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Test
    void ceilingDoublesUpToTheCap() {
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.ceiling(10_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void delayIsJitteredBetweenHalfTheCeilingAndTheCeiling() {
        var random = new SplittableRandom(42);
        for (int attempt = 1; attempt < 12; attempt++) {
            Duration ceiling = backoff.ceiling(attempt);
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.delay(attempt, random)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }
}
