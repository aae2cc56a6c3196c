package dev.newsflow.index;

import dev.newsflow.core.Problem;
import dev.newsflow.core.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;

/**
 * Lets at most {@link SearchLimits#maxConcurrent()} reads through to Elasticsearch at once. One more is
 * turned away at once with 503 and {@code Retry-After}, rather than queued: a queue would only move the
 * overload into this service's threads while the reader's own timeout runs out.
 */
final class SearchGate {

    static final int RETRY_AFTER_SECONDS = 1;

    private final Semaphore permits;
    private final Counter turnedAway;

    SearchGate(int maxConcurrent, MeterRegistry registry) {
        this.permits = new Semaphore(maxConcurrent);
        this.turnedAway = Counter.builder("newsflow_search_rejected")
                .description("searches answered 503 because the concurrency limit was reached")
                .register(registry);
    }

    /** Takes a slot for one read, or counts the refusal and says no; a taken slot must be given back by {@link #leave()}. */
    boolean tryEnter() {
        if (permits.tryAcquire()) {
            return true;
        }
        turnedAway.increment();
        return false;
    }

    void leave() {
        permits.release();
    }

    static ProblemException busy() {
        return new ProblemException(Problem.of(503, "Service Unavailable",
                "too many searches at once; retry after " + RETRY_AFTER_SECONDS + "s").with("retry_after", RETRY_AFTER_SECONDS));
    }
}
