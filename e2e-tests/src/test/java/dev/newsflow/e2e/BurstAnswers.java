package dev.newsflow.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What ingest answered during a burst, exchange by exchange (retries included): how many of each
 * status, how many 429 or 503 came without {@code Retry-After}, how many got no answer at all, and the
 * slowest answer. Thread-safe: every client of the burst reports here.
 */
final class BurstAnswers {

    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int withoutRetryAfter;
    private Duration slowest = Duration.ZERO;

    synchronized void add(FeedClient.Exchange exchange) {
        statuses.merge(exchange.status(), 1, Integer::sum);
        if ((exchange.status() == 429 || exchange.status() == 503) && !exchange.retryAfter()) {
            withoutRetryAfter++;
        }
        if (exchange.took().compareTo(slowest) > 0) {
            slowest = exchange.took();
        }
    }

    /** Status → exchanges; 0 stands for no answer (connection refused or reset, client timeout). */
    synchronized Map<Integer, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    synchronized int count(int status) {
        return statuses.getOrDefault(status, 0);
    }

    /** 429 and 503 answers that did not say when to come back. */
    synchronized int withoutRetryAfter() {
        return withoutRetryAfter;
    }

    synchronized Duration slowest() {
        return slowest;
    }

    /** Statuses other than 202, 429 and 503, and exchanges without an answer. */
    synchronized Map<Integer, Integer> unexpected() {
        Map<Integer, Integer> other = new TreeMap<>(statuses);
        other.keySet().removeAll(Set.of(202, 429, 503));
        return other;
    }

    synchronized String describe() {
        StringBuilder text = new StringBuilder();
        statuses.forEach((status, count) -> text.append(text.isEmpty() ? "" : ", ")
                .append(status == 0 ? "no answer" : status.toString()).append(" x").append(count));
        return text.append("; slowest ").append(slowest.toMillis()).append(" ms").toString();
    }
}
