package dev.newsflow.index;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter, for retrying bulk requests Elasticsearch did not take.
 * Jitter keeps several indexers from hammering a recovering cluster in lockstep.
 *
 * @param initial {@code NEWSFLOW_INDEX_RETRY_INITIAL}, default 200ms: the ceiling of the first wait
 * @param max     {@code NEWSFLOW_INDEX_RETRY_MAX}, default 30s: no wait is longer
 */
public record Backoff(Duration initial, Duration max) {

    public static final Backoff DEFAULTS = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The ceiling of the wait before retry number {@code attempt} (1 for the first retry). */
    public Duration ceiling(int attempt) {
        int doublings = Math.min(Math.max(attempt, 1) - 1, 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** A random wait between half the ceiling and the ceiling, so a retry never comes back at once. */
    public Duration delay(int attempt, RandomGenerator random) {
        long ceiling = ceiling(attempt).toMillis();
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }
}
