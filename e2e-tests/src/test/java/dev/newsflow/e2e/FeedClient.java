package dev.newsflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends feed requests the way a well-behaved feed does: a connection error, 503 or 429 is retried
 * with the same guids and versions (honouring {@code Retry-After}, capped) until a give-up deadline.
 * Each outcome goes to the {@link Ledger}: every article of a 202 is acknowledged, every article of a
 * request given up is unconfirmed. Shared by the client threads of one {@link Traffic}.
 */
final class FeedClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final Duration BACKOFF_STEP = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI articles;
    private final String key;
    private final Ledger ledger;
    private final Duration giveUpAfter;
    private final CountDownLatch stopped;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong connectionFailures = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final Consumer<Exchange> exchanges;

    /**
     * One HTTP exchange, retries included, as the feed saw it.
     *
     * @param status     the answer's status; 0 when none came (refused or reset connection, timeout)
     * @param retryAfter whether the answer carried {@code Retry-After}
     * @param took       from sending the request to its answer or failure
     */
    record Exchange(int status, boolean retryAfter, Duration took) {
    }

    /** @param stopped counted down when the traffic stops: waits for a retry end at once and the request is given up */
    FeedClient(URI articles, String key, Ledger ledger, Duration giveUpAfter, CountDownLatch stopped) {
        this(articles, key, ledger, giveUpAfter, stopped, exchange -> { });
    }

    /** @param exchanges told of every HTTP exchange, from the sending thread */
    FeedClient(URI articles, String key, Ledger ledger, Duration giveUpAfter, CountDownLatch stopped,
               Consumer<Exchange> exchanges) {
        this.articles = articles;
        this.key = key;
        this.ledger = ledger;
        this.giveUpAfter = giveUpAfter;
        this.stopped = stopped;
        this.exchanges = exchanges;
    }

    /** Requests on the wire right now, across all threads. */
    int inFlight() {
        return inFlight.get();
    }

    /** Requests that got no HTTP answer at all (refused or reset connection, timeout). */
    long connectionFailures() {
        return connectionFailures.get();
    }

    /** Requests sent again after a connection error, 503 or 429. */
    long retries() {
        return retries.get();
    }

    /** Sends until answered (or given up) and records the outcome of every article in it. */
    void send(FeedRequest request) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        for (int attempt = 1; ; attempt++) {
            Duration wait;
            long sentAt = System.nanoTime();
            try {
                HttpResponse<String> response = post(request);
                exchanges.accept(new Exchange(response.statusCode(), response.headers().firstValue("Retry-After").isPresent(),
                        Duration.ofNanos(System.nanoTime() - sentAt)));
                if (response.statusCode() != 503 && response.statusCode() != 429) {
                    record(request, response);
                    return;
                }
                wait = retryAfter(response);
            } catch (IOException e) {
                exchanges.accept(new Exchange(0, false, Duration.ofNanos(System.nanoTime() - sentAt)));
                connectionFailures.incrementAndGet();
                wait = BACKOFF_STEP.multipliedBy(attempt).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                        : BACKOFF_STEP.multipliedBy(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                request.submissions().forEach(ledger::unconfirmed);
                return;
            }
            if (!awaitRetry(wait, deadline)) {
                request.submissions().forEach(ledger::unconfirmed);
                return;
            }
            retries.incrementAndGet();
        }
    }

    private HttpResponse<String> post(FeedRequest request) throws IOException, InterruptedException {
        inFlight.incrementAndGet();
        try {
            return http.send(HttpRequest.newBuilder(articles)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", request.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(request.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void record(FeedRequest request, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 202) {
            request.submissions().forEach(s -> ledger.refused(s, response.statusCode() + " " + response.body()));
            return;
        }
        JsonNode answer = Json.mapper().readTree(response.body());
        List<JsonNode> items = new ArrayList<>();
        (request.batch() ? answer.path("items") : Json.mapper().createArrayNode().add(answer)).forEach(items::add);
        for (int i = 0; i < request.submissions().size(); i++) {
            Submission submission = request.submissions().get(i);
            JsonNode item = i < items.size() ? items.get(i) : null;
            if (item != null && submission.id().equals(item.path("id").asText())
                    && submission.version() == item.path("version").asLong()) {
                ledger.acknowledged(submission);
            } else {
                ledger.refused(submission, "202 without this article's id and version: " + item);
            }
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        Duration asked = response.headers().firstValue("Retry-After")
                .filter(v -> v.matches("\\d+")).map(v -> Duration.ofSeconds(Long.parseLong(v))).orElse(Duration.ofSeconds(1));
        return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
    }

    /** Waits before a retry; false when the deadline would pass or the traffic was stopped. */
    private boolean awaitRetry(Duration wait, long deadline) {
        if (System.nanoTime() + wait.toNanos() - deadline > 0) {
            return false;
        }
        try {
            return !stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
